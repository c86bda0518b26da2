/** The sidebar pages: the set-up wizard, or the function reference (body[data-view]). */
import { renderReference } from './reference';
import { startWizard } from './wizard';

const root = document.getElementById('app')!;
if (document.body.dataset.view === 'reference') renderReference(root);
else startWizard(root);
