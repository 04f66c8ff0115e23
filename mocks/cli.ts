// `npm run mock`: starts the mock on 127.0.0.1 and says how to use it.
import type { JsonObject } from '../lib/contract.ts';
import { startMockServer } from './server.ts';

// Documented defaults (README): the seed article's sample channel key, and a token that says what it is.
const token = process.env.MOCK_TOKEN || 'mock-token';
const channelKey = process.env.MOCK_CHANNEL_KEY || 'Ky1SpfEXmjj05fW3USBFD3pgoEi9AQ29Atsnj4Zy';
const port = Number(process.env.PORT ?? 4010);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const mock = await startMockServer({ token, channelKey, port, host: '127.0.0.1' });
  const contract = mock.mocker.contract;
  const [operation] = contract.operations;
  const media = operation?.raw.requestBody
    ? ((contract.resolve(operation.raw.requestBody as JsonObject).content as JsonObject)['application/json'] as
        JsonObject | undefined)
    : undefined;
  const [firstExample] = Object.values((media?.examples as JsonObject | undefined) ?? {}) as JsonObject[];
  const body = firstExample ? ` -d '${JSON.stringify(firstExample.value)}'` : '';
  console.log(`Mock of ${String((contract.document.info as JsonObject).title)} is listening.
  Base URL     ${mock.url}   (also ${mock.url}/v1/manufacturer/v2/api)
  Docs         ${mock.url}/docs
  Document     ${mock.url}/openapi.yaml
  Token        ${token}   (x-access-token: <token>, or Authorization: Bearer <token>; MOCK_TOKEN to change)
  Channel key  ${channelKey}   (x-channel-key; MOCK_CHANNEL_KEY to change)
  Try          curl -X ${operation?.method} ${mock.url}${operation?.path} -H 'Content-Type: application/json' \\
                 -H 'x-access-token: ${token}' -H 'x-channel-key: ${channelKey}'${body}
Ctrl-C stops it.`);
  const stop = () => {
    mock.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use: set PORT to another one.`
      : `Mock failed to start: ${String(error)}`,
  );
  process.exit(2);
}
