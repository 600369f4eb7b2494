// Leader: takes a chart and the meeting pack to a meeting. Downloads the PNG chart of
// an indicator, the term's XLSX workbook and its PDF meeting pack from the links on
// the pages, and checks each file's type (magic bytes) and size.
import { test, expect, type Page, type Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkPage } from './support';

async function download(page: Page, linkName: RegExp): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('navigation', { name: 'Tải xuống' }).first().getByRole('link', { name: linkName }).click(),
  ]);
  const path = await d.path();
  expect(await d.failure()).toBeNull();
  return { d, bytes: readFileSync(path) };
}

test('a leader downloads the PNG chart, the XLSX workbook and the PDF meeting pack', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page
    .getByRole('region', { name: 'Các nhiệm kỳ' })
    .getByRole('link', { name: 'Nhiệm kỳ 2015–2020' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm kỳ 2015–2020' })).toBeVisible();
  await checkPage(page, testInfo, 'term');

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
