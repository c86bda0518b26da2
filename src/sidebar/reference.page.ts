/** The function reference page (dist/reference.html). */
import { renderReference } from './reference';

renderReference(document.getElementById('app')!);
