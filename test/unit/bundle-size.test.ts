/** The Apps Script bundle's size budget (a size check, built by `npm run build`). */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('dist/Code.js', () => {
  it('stays under 40 KB', () => {
    const bytes = statSync(join(__dirname, '../../dist/Code.js')).size;
    expect(bytes).toBeLessThan(40 * 1024);
  });
});
