// The options page: the reader's appearance settings (the same form as in the reader) and the
// opt-in for the readable badge, which needs host access to every site.
import { ext } from './api.js';
import { applySettings, loadSettings, onSettingsChanged, saveSettings, settingsForm } from './settings.js';

const ALL_SITES = { origins: ['<all_urls>'] };

const settings = await loadSettings();
applySettings(document, settings);
const form = settingsForm(document, settings, (next) => {
  applySettings(document, next);
  form.update(next);
  saveSettings(next);
});
document.getElementById('appearance').append(form.element);
onSettingsChanged((next) => {
  applySettings(document, next);
  form.update(next);
});

const badge = document.getElementById('badge');
badge.checked = await ext.permissions.contains(ALL_SITES);
badge.addEventListener('change', async () => {
  // Permission requests must come straight from the click.
  badge.checked = badge.checked ? await ext.permissions.request(ALL_SITES) : !(await ext.permissions.remove(ALL_SITES));
});
