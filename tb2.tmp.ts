import t from './bench/templates.bench';
const out = await t();
console.log(out.split('\n').slice(-8).join('\n'));
