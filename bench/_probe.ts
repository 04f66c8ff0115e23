import { loadContract } from '../lib/contract.ts';
import { buildCases } from '../conformance/cases.ts';
const c = loadContract();
const cases = buildCases(c, { uniquePrefix: 'bench' });
console.log(cases.length, cases.filter(x=>x.expect.status===422).slice(0,5).map(x=>[x.id, x.request.body]));
console.log(cases.find(x=>x.id==='success.example.seedSample')?.request);
