/** `npm start`: builds the add-on and says where it is and how to deploy it. */
import { execSync } from 'node:child_process';

execSync('npm run build', { stdio: 'inherit' });
console.log('\nThe add-on is built in dist/. Deploy it with `npm run deploy` (see README).');
