import { it } from 'vitest';
import { FUNCTIONS } from '../../src/metrics/catalogue';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { writePlans } from '../../src/workbook/write';
import { buildPlans } from '../../src/addon/templates';
import { crmSettings, crmSheets, JAN_1, type Crm } from '../templates/full-funnel-crm';
it('scratch', () => {
  (FUNCTIONS as any).FUNNEL_REPORT = () => [['x']];
  (FUNCTIONS as any).DEALS_REPORT = () => [['Channel','Period'],['All channels','2026-01'],['All channels','2026-02'],['All channels','All']];
  const d = (n: number) => JAN_1 + n;
  const crm: Crm = {
    spend: [[d(1), 'Paid search', 2500],[d(40), 'Paid search', 3500],[d(2), 'LinkedIn', 4500],[d(3), 'Events', 2000]],
    meetings: [[d(5), 'Paid search', 'Qualified'],[d(6), 'Paid search', 'Qualified'],[d(45), 'paid search', 'Qualified'],[d(46), 'Paid search', 'Qualified'],[d(7), 'LinkedIn', 'Qualified'],[d(8), 'LinkedIn', 'Qualified'],[d(50), 'LinkedIn', 'Qualified'],[d(9), 'Events', 'Qualified']],
    contacts: [], deals: [],
  };
  const wb = MemoryWorkbook.fromSheets(crmSheets(crm));
  const plans = buildPlans({ settings: crmSettings('month', 'activity'), sheets: wb.sheets(), read: (s, c) => wb.columnValues(s, c) });
  const plan = plans[0]!;
  const F = ['Channel','Period','Spend','Created','Cost per Created','Lead','Cost per Lead','Created → Lead','MQL','Cost per MQL','Lead → MQL','SQL','c','r','Opp','c','r','Customer','c','r'];
  const D = ['Channel','Period','Spend','Opportunities','Pipeline','Cost per opportunity','Pipeline per spend','Won','Lost','Open','Revenue','Win rate','Average deal','CAC','ROAS'];
  for (const b of plan.blocks) {
    const f = b.cells[1]?.[0];
    if (f && typeof f === 'object' && /^=(FUNNEL|DEALS)_REPORT/.test(f.f)) {
      const name = f.f.slice(1, f.f.indexOf('('));
      b.cells = name === 'FUNNEL_REPORT' ? [b.cells[0]!, F, ['Paid search','2026-01',2500,3,833,2,1250,0.66,1,1,1,1,1,1,1,1,1,1,1,1], ['All channels','All',6000,7,833,5,1250,0.66,1,1,1,1,1,1,1,1,1,1,1,1]]
        : [b.cells[0]!, D, ['Paid search','2026-01',2500,1,1,1,1,1,1,1,30000,1,1,1,1], ['Paid search','2026-03',3500,1,1,'#DIV/0! x',1,1,1,1,6000,1,1,1,1], ['LinkedIn','2026-01',4500,1,1,1,1,1,1,1,9000,1,1,1,1],['All channels','2026-01',7000,1,1,1,1,1,1,1,39000,1,1,1,1],['All channels','2026-03',3500,1,1,'#DIV/0! x',1,1,1,1,6000,1,1,1,1],['All channels','All',12500,1,1,1,1,1,1,1,45000,1,1,1,1]];
    }
  }
  writePlans(wb, plans);
  const snap = wb.snapshot().find((s) => s.name === 'Full funnel')!;
  for (let r = 31; r < 37; r++) console.log(JSON.stringify(snap.values[r]!.slice(37, 52)));
});
