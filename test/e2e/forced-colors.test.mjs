// Forced colours (Windows' high-contrast themes), emulated by Chromium: the system's
// colours replace the page's. A switch must still show its state and its knob, and a
// button must still look like one. Compared by the contrast of the pixels on screen.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { clickAction, closePages, openPage, startBrowser, waitForDialog } from './browser.mjs';

let session;
before(async () => (session = await startBrowser()));
afterEach(closePages);
after(() => session.close());

/** WCAG's relative luminance of an sRGB colour [r, g, b] (0–255), and the contrast ratio of two. */
const luminance = (rgb) => {
  const [r, g, b] = rgb.map((value) => value / 255).map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/** The pixels of an element's screenshot, as rows of [r, g, b] (decoded in the page: a PNG is an image to it). */
async function pixels(page, element) {
  const png = await element.screenshot({ encoding: 'base64' });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data: bytes } = context.getImageData(0, 0, image.width, image.height);
    return Array.from({ length: image.height }, (_, y) => Array.from({ length: image.width }, (_, x) => [...bytes.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)]));
  }, png);
}

/** The two colours that cover most of an image, most frequent first. */
function mainColours(rows) {
  const counts = new Map();
  for (const pixel of rows.flat()) counts.set(pixel.join(), (counts.get(pixel.join()) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([key]) => key.split(',').map(Number));
}

/** A button's left border, in the middle of its height, stands out from its face. */
async function assertBordered(page, button, name) {
  const image = await pixels(page, button);
  const middle = image[Math.floor(image.length / 2)];
  assert.ok(contrast(middle[0], middle[6]) >= 3, `${name}: border ${middle[0]} on face ${middle[6]}`);
}

describe('forced colours', () => {
  it('a switch keeps its knob and shows on and off apart; buttons keep a border', async () => {
    const { page } = await openPage(session.browser);
    // (Puppeteer's own emulateMediaFeatures does not know this feature; DevTools' protocol does.) Reduced motion:
    // the knob is where its state puts it at once, not on its way there when the picture is taken.
    const devtools = await page.createCDPSession();
    await devtools.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ],
    });
    await page.goto(`${session.url}/test/e2e/pages/plain.html`);
    await waitForDialog(page);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);

    // A button: its border stands out from its own face.
    await assertBordered(page, await page.waitForSelector('consent-banner >>> button[data-action="reject"]'), '"Reject all"');

    await clickAction(page, 'settings');
    // (waitForSelector through a shadow root misses what renders into it later: ask the page.)
    const inDialog = (selector) => page.waitForFunction((css) => document.querySelector('consent-banner').shadowRoot.querySelector(css), { polling: 50 }, selector);
    await (await inDialog('summary#services-statistics')).click();
    const input = await inDialog('input[aria-labelledby="service-stats"]');
    const off = await pixels(page, input);
    await input.click();
    assert.equal(await input.evaluate((element) => element.checked), true);
    const on = await pixels(page, input);

    for (const [state, image] of [['off', off], ['on', on]]) {
      // Knob and track: two colours far apart.
      const [first, second] = mainColours(image);
      assert.ok(contrast(first, second) >= 3, `${state}: knob and track ${first} / ${second}`);
    }
    // The knob moved: the pixels of the second colour (the knob, with the track's border when off, which is
    // the same on both sides) lie left of the middle when off and right of it when on. (Brightness alone
    // cannot tell: on, the colours swap too, a light knob on a dark track.)
    const knobAt = (image) => {
      const knob = mainColours(image)[1].join();
      const xs = image.flatMap((row) => row.flatMap((pixel, x) => (pixel.join() === knob ? [x / row.length] : [])));
      return xs.reduce((sum, x) => sum + x, 0) / xs.length;
    };
    assert.deepEqual([knobAt(off) < 0.5, knobAt(on) > 0.5], [true, true], `the knob at ${knobAt(off).toFixed(2)} off, ${knobAt(on).toFixed(2)} on`);
    // And on does not look like off.
    const differing = off.flat().filter((pixel, index) => contrast(pixel, on.flat()[index]) >= 3).length;
    assert.ok(differing > off.flat().length / 5, `${differing} of ${off.flat().length} pixels differ`);
  });

  it('a focused switch shows its focus ring in system colours, on a dark palette too', async () => {
    const { page } = await openPage(session.browser);
    const devtools = await page.createCDPSession();
    await devtools.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-color-scheme', value: 'dark' },
      ],
    });
    await page.goto(`${session.url}/test/e2e/pages/plain.html`);
    await waitForDialog(page);
    await clickAction(page, 'settings');
    const inDialog = (selector) => page.waitForFunction((css) => document.querySelector('consent-banner').shadowRoot.querySelector(css), { polling: 50 }, selector);
    await (await inDialog('summary#services-statistics')).click();
    const input = await inDialog('input[aria-labelledby="service-stats"]');
    // Reached by keyboard, as the ring is for.
    await input.focus();
    await page.keyboard.press('Shift');
    const { ring, canvas, focused } = await input.evaluate((element) => {
      const rgb = (colour) => colour.match(/\d+/g).slice(0, 3).map(Number);
      const style = getComputedStyle(element);
      return { ring: rgb(style.outlineColor), canvas: rgb(getComputedStyle(element.closest('dialog')).backgroundColor), focused: element.matches(':focus-visible') && style.outlineStyle };
    });
    assert.equal(focused, 'solid');
    assert.ok(contrast(ring, canvas) >= 3, `focus ring ${ring} on ${canvas}: ${contrast(ring, canvas).toFixed(2)}:1`);
  });

  it("a placeholder's buttons look like buttons", async () => {
    const { page } = await openPage(session.browser);
    const devtools = await page.createCDPSession();
    await devtools.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    await page.goto(`${session.url}/test/e2e/pages/every-part.html`);
    // Decided, so no modal dims the page.
    await waitForDialog(page);
    await clickAction(page, 'reject');
    const buttons = await page.waitForFunction(() => document.querySelector('consent-embed')?.shadowRoot?.querySelectorAll('button[part~="button"]').length === 2 && document.querySelector('consent-embed').shadowRoot.querySelectorAll('button[part~="button"]'), { polling: 50 });
    for (const [index, name] of ['"Load"', '"Always allow"'].entries()) await assertBordered(page, await buttons.evaluateHandle((list, at) => list[at], index), name);
  });
});
