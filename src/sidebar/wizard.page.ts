/** The set-up wizard page (dist/sidebar.html). */
import { startWizard } from './wizard';

startWizard(document.getElementById('app')!);
