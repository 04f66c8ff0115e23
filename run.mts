import { startMockServer } from '/work/main/mocks/server.ts';
import { main } from '/work/main/conformance/cli.ts';
const mock = await startMockServer({ credentials: { token: 'tok-12345', channelKey: 'Chan42' }, port: 0 });
const code = await main(['--base-url', mock.url, ...process.argv.slice(2)], console.log, console.error, { CONFORMANCE_TOKEN: 'tok-12345', CONFORMANCE_CHANNEL_KEY: 'Chan42' });
console.log('exit', code);
await mock.close();
