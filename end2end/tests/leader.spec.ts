// Leader: takes a chart and the meeting pack to a meeting. Downloads the PNG chart of
// an indicator, the term's XLSX workbook and its PDF meeting pack from the links on
// the pages, and checks each file's type (magic bytes) and size. Also prints the term
// page and the indicator page from the browser (A4): the print stylesheet leaves out
// the navigation and the download links and keeps the charts; the PDFs are saved
// next to the screenshots.
import { test, expect, type Page, type Download, type TestInfo } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPage, screenshotsDir } from './support';

async function download(page: Page, linkName: RegExp): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('navigation', { name: 'Tải xuống' }).first().getByRole('link', { name: linkName }).click(),
  ]);
  const path = await d.path();
  expect(await d.failure()).toBeNull();
  return { d, bytes: readFileSync(path) };
}

/** Pages of a PDF, counted from its page objects (Chromium writes them uncompressed). */
function pdfPageCount(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/**
 * Prints the page the browser shows now, as "Print…" would: with the print media
 * type the site navigation (the header's links, the skip link, the breadcrumb, the
 * footer) and every download list are hidden, the page's title and its charts are
 * shown. Saves the A4 PDF as end2end/screenshots/<project>--leader-print-<name>.pdf
 * and returns its number of pages. Back to the screen media type at the end.
 */
async function printToA4(page: Page, testInfo: TestInfo, name: string): Promise<number> {
  // What print must hide, found on screen first (so hiding it means something).
  const mainNav = page.getByRole('navigation', { name: 'Điều hướng chính', includeHidden: true });
  const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn', includeHidden: true });
  const downloads = page.getByRole('navigation', { name: /^Tải xuống/, includeHidden: true });
  const downloadLinks = downloads.getByRole('link', { includeHidden: true });
  const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính', includeHidden: true });
  const footer = page.getByRole('contentinfo', { includeHidden: true });
  const figures = page.getByRole('figure');
  await expect(mainNav).toBeVisible();
  await expect(mainNav.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
  await expect(breadcrumb).toBeVisible();
  await expect(footer).toBeVisible();
  const downloadLists = await downloads.count();
  const links = await downloadLinks.count();
  expect(downloadLists, 'download lists on the page').toBeGreaterThan(0);
  expect(links, 'download links on the page').toBeGreaterThan(0);
  for (const list of await downloads.all()) await expect(list).toBeVisible();
  const charts = await figures.count();
  expect(charts, 'charts on the page').toBeGreaterThan(0);

  await page.emulateMedia({ media: 'print' });
  try {
    expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
    // Hidden in print: every link of the site navigation, the skip link, the
    // breadcrumb, the footer, every download list and each of its links.
    await expect(mainNav).toHaveCount(1);
    await expect(mainNav).toBeHidden();
    for (const link of await mainNav.getByRole('link', { includeHidden: true }).all()) {
      await expect(link).toBeHidden();
    }
    await expect(skip).toHaveCount(1);
    await expect(skip).toBeHidden();
    await expect(breadcrumb).toHaveCount(1);
    await expect(breadcrumb).toBeHidden();
    await expect(footer).toHaveCount(1);
    await expect(footer).toBeHidden();
    await expect(downloads).toHaveCount(downloadLists);
    for (const list of await downloads.all()) await expect(list).toBeHidden();
    await expect(downloadLinks).toHaveCount(links);
    for (const link of await downloadLinks.all()) await expect(link).toBeHidden();
    // The charts' data tables (their figcaption) are left out too: the drawing is the
    // printed chart.
    const chartData = page.getByText('Số liệu của biểu đồ', { exact: true });
    await expect(chartData).toHaveCount(charts);
    for (const summary of await chartData.all()) await expect(summary).toBeHidden();
    // "Back to the term" is no use on paper.
    const back = page.getByRole('link', { name: /^Quay lại /, includeHidden: true });
    for (const link of await back.all()) await expect(link).toBeHidden();

    // Shown: the site's name (the header stays as the page's letterhead), the title,
    // every chart with its drawing.
    await expect(
      page.getByRole('banner').getByRole('link', { name: /^Theo dõi thực hiện Nghị quyết/ }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(figures).toHaveCount(charts);
    for (const figure of await figures.all()) {
      await expect(figure).toBeVisible();
      await expect(figure.getByRole('img').first()).toBeVisible();
    }

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, `${testInfo.project.name}--leader-print-${name}.pdf`);
    writeFileSync(path, pdf);
    await testInfo.attach(`print-${name}`, { path, contentType: 'application/pdf' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    return pdfPageCount(pdf);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

test('a leader prints the term and an indicator from the browser, downloads the PNG chart, the XLSX workbook and the PDF meeting pack', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page
    .getByRole('region', { name: 'Các nhiệm kỳ' })
    .getByRole('link', { name: 'Nhiệm kỳ 2015–2020' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm kỳ 2015–2020' })).toBeVisible();
  await checkPage(page, testInfo, 'term');

  // Printed from the browser: the whole list of indicators, on more than one A4 page.
  expect(await printToA4(page, testInfo, 'term')).toBeGreaterThan(1);
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();

  // The PDF meeting pack (A4).
  const pdf = await download(page, /Tài liệu họp PDF/);
  expect(pdf.d.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
  expect(pdf.bytes.length).toBeGreaterThan(20_000);
  expect(pdf.bytes.length).toBeLessThan(20_000_000);

  // The XLSX workbook: a zip holding the spreadsheet parts.
  const xlsx = await download(page, /Bảng tính Excel \(XLSX\)/);
  expect(xlsx.d.suggestedFilename()).toMatch(/\.xlsx$/);
  expect([...xlsx.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(xlsx.bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  expect(xlsx.bytes.length).toBeGreaterThan(3_000);
  expect(xlsx.bytes.length).toBeLessThan(5_000_000);

  // The PNG chart of one indicator, sized for a projector (1920×1080).
  await page
    .getByRole('row', { name: /Quản lý, triển khai nhiệm vụ KH&CN các cấp/ })
    .getByRole('link', { name: 'Quản lý, triển khai nhiệm vụ KH&CN các cấp' })
    .click();
  await expect(page).toHaveURL(/\/indicators\/\d+$/);
  await checkPage(page, testInfo, 'indicator');
  expect(await printToA4(page, testInfo, 'indicator')).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  const png = await download(page, /Biểu đồ PNG/);
  expect(png.d.suggestedFilename()).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBe(1920); // IHDR width
  expect(png.bytes.readUInt32BE(20)).toBe(1080); // IHDR height
  expect(png.bytes.length).toBeGreaterThan(20_000);
  expect(png.bytes.length).toBeLessThan(10_000_000);

  // The same chart is also served at its stable address.
  const direct = await page.request.get(new URL(page.url()).pathname.replace('/indicators/', '/charts/indicators/') + '.png');
  expect(direct.status()).toBe(200);
  expect(direct.headers()['content-type']).toBe('image/png');
});
