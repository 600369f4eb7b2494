// Committee member: reads the 2015–2020 report on the dashboard, at a phone and at
// an office PC, with and without JavaScript. No account: the report is public.
import { test, expect } from '@playwright/test';
import { checkPage } from './support';

test('a committee member reads the 2015–2020 figures, their status, an indicator, its chart and source', async ({
  page,
}, testInfo) => {
  // Overview: the terms and the latest term's headline figures.
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Theo dõi thực hiện Nghị quyết Đại hội Đảng bộ' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nhiệm kỳ 2015–2020' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nhiệm kỳ 2020–2025' }).first()).toBeVisible();
  // The headline cards are those of the latest term with figures: the 2015–2020
  // report on a fresh server, the 2020–2025 term once a clerk's figures are approved
  // (the clerk journey may run first on the same server).
  const headline = page.getByRole('region', { name: /^Số liệu nổi bật — Nhiệm kỳ/ });
  await expect(headline.getByRole('listitem').first()).toBeVisible();
  if (/2015–2020/.test((await headline.getByRole('heading').textContent()) ?? '')) {
    await expect(headline.getByRole('link', { name: /^101 nhiệm vụ/ })).toBeVisible();
    await expect(headline.getByRole('link', { name: /^15 tỷ đồng/ }).first()).toBeVisible();
  }
  await checkPage(page, testInfo, 'overview');

  // The 2015–2020 term: every indicator with its target, result and status.
  await page
    .getByRole('region', { name: 'Các nhiệm kỳ' })
    .getByRole('link', { name: 'Nhiệm kỳ 2015–2020' })
    .click();
  await expect(page).toHaveURL(/\/terms\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm kỳ 2015–2020' })).toBeVisible();
  const table = page.getByRole('table', { name: /Các chỉ tiêu của Nhiệm kỳ 2015–2020/ });
  const tasks = table.getByRole('row', { name: /Quản lý, triển khai nhiệm vụ KH&CN các cấp/ });
  await expect(tasks).toContainText('101');
  const loans = table.getByRole('row', { name: /Vốn Quỹ Phát triển KH&CN cho vay/ });
  await expect(loans).toContainText('15 tỷ đồng');
  await expect(table.getByText('Đạt mục tiêu').first()).toBeVisible();
  await expect(table.getByText('Chưa có chỉ tiêu').first()).toBeVisible();
  await checkPage(page, testInfo, 'term-2015-2020');

  // One indicator: its status explained, its chart, and the sentence it is quoted from.
  await tasks.getByRole('link', { name: 'Quản lý, triển khai nhiệm vụ KH&CN các cấp' }).click();
  await expect(page).toHaveURL(/\/indicators\/\d+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Quản lý, triển khai nhiệm vụ KH&CN các cấp' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vì sao có tình trạng này' })).toBeVisible();
  const chart = page.getByRole('figure').first();
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('img').first()).toBeVisible();
  const values = page.getByRole('region', { name: /Số liệu/ }).getByRole('table');
  await expect(values).toContainText('101');
  await expect(values.getByText(/“.*101.*”/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Biểu đồ PNG/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Biểu đồ SVG/ }).first()).toBeVisible();
  await checkPage(page, testInfo, 'indicator');

  // Back to the term from the breadcrumb.
  await page
    .getByRole('navigation', { name: 'Đường dẫn' })
    .getByRole('link', { name: 'Nhiệm kỳ 2015–2020' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm kỳ 2015–2020' })).toBeVisible();
});
