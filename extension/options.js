// The options page: the reader's appearance settings (the same form as in the reader), the
// opt-in for the readable badge, which needs host access to every site, and the sites allowed
// for saving images, each of which can be forgotten, and the places remembered in articles.
import { ext } from './api.js';
import { el } from './util.js';
import { applySettings, loadSettings, onSettingsChanged, saveSettings, settingsForm } from './settings.js';
import { forgetPositions } from './reader/position.js';

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

/** Lists the sites the user allowed for images (every granted site but "all sites"). */
async function listImageSites() {
  const { origins = [] } = await ext.permissions.getAll();
  const sites = origins.filter((o) => o !== '<all_urls>' && /^https?:\/\/[^/*]+\/\*$/.test(o));
  const list = document.getElementById('image-sites');
  list.replaceChildren(...sites.map((origin) => {
    const forget = el('button', { type: 'button', textContent: 'Forget' });
    const name = new URL(origin.slice(0, -1)).hostname;
    forget.setAttribute('aria-label', `Forget ${name}`);
    forget.addEventListener('click', () => ext.permissions.remove({ origins: [origin] }).finally(listImageSites));
    return el('li', {}, `${name} `, forget);
  }));
  document.getElementById('no-image-sites').hidden = sites.length > 0;
}
listImageSites();
ext.permissions.onAdded.addListener(listImageSites);
ext.permissions.onRemoved.addListener(listImageSites);

const forgetPlaces = document.getElementById('forget-positions');
forgetPlaces.addEventListener('click', async () => {
  await forgetPositions();
  document.getElementById('positions-forgotten').hidden = false;
});
