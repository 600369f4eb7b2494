// Integrity of what a clerk saves when the web does what it does: a file import
// confirmed after someone else changed the figure in another tab (a conflict, nothing
// saved, then saved knowingly), a double click on the save button (saved once, no
// conflict), a session that ended while the clerk typed (the form comes back filled in
// after signing in again), and Back after signing out (nothing private from cache).
//
// Runs once with JavaScript and once without. The journeys of a mode share one server
// (both modes may share one, with --project filters naming both), so each project
// uses indicators of its own, and one clerk account of its own, created once. The
// figures stay drafts of 2021 (the year the import is asked for): these projects come
// last in playwright.config.ts, after the clerk's journey has submitted its 2021
// figures, so its count of submitted drafts is not changed by these.
import { test, expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import {
  adminOnAccountsPage,
  checkPage,
  createAccount,
  passwordFor,
  signIn,
  signOut,
  suffixFor,
  termIdFromHome,
  type Account,
} from './support';

interface Indicator {
  code: string;
  name: string;
}

interface Plan {
  imported: Indicator; // the stale import
  doubled: Indicator; // the double click
  kept: Indicator; // the ended session
}

const YEAR = 2021;
const TERM = 'Nhiệm kỳ 2020–2025';

const plans: Record<string, Plan> = {
  'integrity-office-js': {
    imported: { code: 'NV-01', name: 'Quản lý, triển khai nhiệm vụ KH&CN các cấp' },
    doubled: { code: 'NV-01.1', name: 'Nhiệm vụ KH&CN cấp Nhà nước' },
    kept: { code: 'NV-01.2', name: 'Nhiệm vụ KH&CN cấp tỉnh' },
  },
  'integrity-office-nojs': {
    imported: { code: 'NV-02', name: 'Nhiệm vụ KH&CN được cấp giấy chứng nhận và công bố kết quả' },
    doubled: { code: 'NV-01.3', name: 'Nhiệm vụ KH&CN cấp cơ sở' },
    kept: { code: 'TT-01.1', name: 'Chỉ dẫn địa lý' },
  },
};

const label = (i: Indicator) => `${i.code} ${i.name}`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The row of one indicator: its row header starts with the code and a space (NV-01 is
 * not NV-01.1); on the entry form a part of an indicator starts with "↳ ".
 */
function row(within: Page | Locator, i: Indicator) {
  const page = 'page' in within ? within.page() : within;
  const header = page.getByRole('rowheader', { name: new RegExp(`^(↳ )?${escape(i.code)} `) });
  return within.getByRole('row').filter({ has: header });
}

function planFor(testInfo: TestInfo): Plan {
  const plan = plans[testInfo.project.name];
  if (!plan) throw new Error(`no integrity plan for project ${testInfo.project.name}`);
  return plan;
}

let clerk: Account;
let termId: number;

// One clerk per project, created once by the administrator (the first journey of a
// server to need an administrator sets it up from the one-time link).
test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: testInfo.project.use.viewport,
    locale: testInfo.project.use.locale,
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
  });
  try {
    const page = await context.newPage();
    termId = await termIdFromHome(page, /Nhiệm kỳ 2020–2025/);
    await adminOnAccountsPage(page, testInfo);
    const username = `vanthu-${suffixFor(testInfo)}`;
    // Playwright starts a new worker after a failed journey, which runs this again.
    clerk = (await page.getByRole('rowheader', { name: username, exact: true }).count())
      ? { username, password: passwordFor(username) }
      : await createAccount(page, testInfo, username, 'editor');
    await signOut(page);
  } finally {
    await context.close();
  }
});

async function openEntry(page: Page): Promise<void> {
  await page.goto(`/entry/${termId}/${YEAR}`);
  await expect(page.getByRole('heading', { level: 1, name: `Nhập số liệu năm ${YEAR} — ${TERM}` })).toBeVisible();
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Lưu bản nháp' });

/** A CSV file of the import template's columns with one figure in it. */
function csvFile(testInfo: TestInfo, name: string, code: string, value: string): string {
  const path = testInfo.outputPath(name);
  const header = 'Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị;Năm trước;Giá trị;Mức độ;Ghi chú;Tài liệu nguồn;Trích dẫn';
  writeFileSync(path, `\uFEFF${header}\r\n${code};;;;${value};;;;\r\n`);
  return path;
}

async function upload(page: Page, path: string): Promise<void> {
  await page.goto(`/import/${termId}/${YEAR}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Nhập số liệu năm ${YEAR} từ tệp — ${TERM}` }),
  ).toBeVisible();
  await page.getByLabel('Tệp số liệu (.xlsx hoặc .csv, tối đa 2 MB)').setInputFiles(path);
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
}

test('an import confirmed after another tab changed the figure is a conflict: nothing saved, then saved knowingly', async ({
  page,
}, testInfo) => {
  test.slow();
  const { imported } = planFor(testInfo);
  await signIn(page, testInfo, clerk.username, clerk.password);

  // Cancel: back to the entry form, nothing stored.
  await upload(page, csvFile(testInfo, 'huy.csv', imported.code, '5'));
  const preview = page.getByRole('region', { name: /^1 dòng hợp lệ trong tệp/ });
  await expect(preview).toContainText('huy.csv');
  await checkPage(page, testInfo, 'import-preview-cancel');
  await preview.getByRole('link', { name: 'Hủy, không lưu gì' }).click();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${YEAR}$`));
  await expect(page.getByLabel(label(imported), { exact: true })).toHaveValue('');
  await expect(page.getByText(/Đã lưu \d+ số liệu/)).toHaveCount(0);
  await checkPage(page, testInfo, 'import-entry-after-cancel');

  // Tab 1 checks a file of 23…
  await upload(page, csvFile(testInfo, 'so-lieu.csv', imported.code, '23'));
  await expect(preview).toContainText('so-lieu.csv');
  await expect(preview.getByRole('columnheader', { name: 'Đang lưu' })).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: 'Trong tệp' })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'Hủy, không lưu gì' })).toBeVisible();
  await expect(row(preview, imported).getByRole('cell')).toContainText(['2', 'Chưa có', '23 nhiệm vụ']);
  await checkPage(page, testInfo, 'import-preview');

  // … tab 2 saves 30 by hand …
  const tab2 = await page.context().newPage();
  await openEntry(tab2);
  await tab2.getByLabel(label(imported), { exact: true }).fill('30');
  await saveButton(tab2).click();
  await expect(tab2.getByRole('status')).toContainText('Đã lưu 1 số liệu (bản nháp).');
  await checkPage(tab2, testInfo, 'import-tab2-saved-30');

  // … tab 1 confirms: a conflict, nothing saved, the preview again over 30.
  await preview.getByRole('button', { name: 'Lưu 1 số liệu' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('1 số liệu trong tệp đã bị sửa (ở trang khác hoặc bởi người khác) sau khi bạn kiểm tra tệp; chưa có gì được lưu');
  await expect(alert).toContainText(`${imported.code}: ${clerk.username} đã sửa số liệu này thành 30`);
  await expect(preview).toContainText('so-lieu.csv');
  await expect(row(preview, imported).getByRole('cell')).toContainText(['2', '30 nhiệm vụ', '23 nhiệm vụ']);
  await checkPage(page, testInfo, 'import-conflict');
  await openEntry(tab2);
  await expect(tab2.getByLabel(label(imported), { exact: true })).toHaveValue('30');

  // Confirmed again, knowingly: 23 is saved.
  await preview.getByRole('button', { name: 'Lưu 1 số liệu' }).click();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${YEAR}\\?saved=1$`));
  await expect(page.getByRole('status')).toContainText('Đã lưu 1 số liệu (bản nháp).');
  await expect(page.getByLabel(label(imported), { exact: true })).toHaveValue('23');
  await checkPage(page, testInfo, 'import-entry-imported-23');
  await tab2.close();
});

test('a double click on the save button saves the figure once, with no conflict', async ({ page }, testInfo) => {
  test.slow();
  const { doubled } = planFor(testInfo);
  await signIn(page, testInfo, clerk.username, clerk.password);
  await openEntry(page);
  await page.getByLabel(label(doubled), { exact: true }).fill('17');
  await checkPage(page, testInfo, 'double-entry-typed');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/entry/${termId}/${YEAR}`)) posts.push(r.url());
  });
  await page.locator('form.entry-form button[type=submit]:not([form])').dblclick();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${YEAR}\\?saved=\\d+$`));
  await expect(page.getByRole('status')).toContainText(/Đã lưu [01] số liệu \(bản nháp\)\./);
  await expect(page.getByText('người khác')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel(label(doubled), { exact: true })).toHaveValue('17');
  await expect(row(page, doubled)).toContainText('Bản nháp');
  await checkPage(page, testInfo, 'double-saved');
  testInfo.annotations.push({ type: 'double click', description: `${posts.length} POST(s) sent by the browser` });

  // The indicator's history (shown to signed-in staff) holds one save of the year.
  await page.goto(`/terms/${termId}`);
  const href = await page.getByRole('link', { name: doubled.name, exact: true }).first().getAttribute('href');
  expect(href).toMatch(/\/indicators\/\d+$/);
  await page.goto(href!);
  const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
  await expect(history).toBeVisible();
  await expect(history.getByRole('row').filter({ hasText: 'Nhập/sửa số liệu' }).filter({ hasText: String(YEAR) })).toHaveCount(1);
  await checkPage(page, testInfo, 'double-history');
});

test('a session ended while the clerk typed: signing in again brings the form back filled in, unsaved', async ({
  page,
}, testInfo) => {
  test.slow();
  const { kept } = planFor(testInfo);
  const note = 'Theo báo cáo quý IV, chưa đối chiếu.';
  await signIn(page, testInfo, clerk.username, clerk.password);
  await openEntry(page);
  await page.getByLabel(label(kept), { exact: true }).fill('9');
  const keptRow = row(page, kept);
  await keptRow.getByText('Thêm ghi chú, nguồn').click();
  await keptRow.getByLabel('Ghi chú').fill(note);
  await checkPage(page, testInfo, 'session-entry-typed');

  // Signed out in a second tab of the same browser.
  const tab2 = await page.context().newPage();
  await tab2.goto('/');
  await signOut(tab2);
  await tab2.close();

  // Saving finds no session: the sign-in page says so, nothing is saved.
  await saveButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByText(/Phiên đăng nhập đã hết hạn/)).toBeVisible();
  await checkPage(page, testInfo, 'session-ended');

  // Signed in again: the form as it was typed, not saved yet.
  await page.getByLabel('Tên đăng nhập').fill(clerk.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(clerk.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Nhập số liệu năm ${YEAR} — ${TERM}` })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(clerk.username);
  await expect(page.getByText(/Bạn đã đăng nhập lại/)).toBeVisible();
  await expect(page.getByLabel(label(kept), { exact: true })).toHaveValue('9');
  await expect(row(page, kept).getByLabel('Ghi chú')).toHaveValue(note);
  await expect(row(page, kept)).not.toContainText('Bản nháp');
  await checkPage(page, testInfo, 'session-form-kept');

  await saveButton(page).click();
  await expect(page.getByRole('status')).toContainText('Đã lưu 1 số liệu (bản nháp).');
  await expect(page.getByLabel(label(kept), { exact: true })).toHaveValue('9');
  await expect(row(page, kept).getByLabel('Ghi chú')).toHaveValue(note);
  await expect(row(page, kept)).toContainText('Bản nháp');
  await checkPage(page, testInfo, 'session-entry-saved');
});

test('Back after signing out does not show the entry form from the cache', async ({ page }, testInfo) => {
  test.slow();
  await signIn(page, testInfo, clerk.username, clerk.password);
  const answer = await page.goto(`/entry/${termId}/${YEAR}`);
  expect(answer?.headers()['cache-control']).toContain('no-store');
  await expect(page.getByRole('banner')).toContainText(clerk.username);
  await checkPage(page, testInfo, 'back-entry');
  await signOut(page);
  await checkPage(page, testInfo, 'back-signed-out');

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${YEAR}`));
  // The page is asked for again, and the server answers a visitor: sign in first.
  await expect(page.getByRole('heading', { level: 1, name: 'Cần đăng nhập' })).toBeVisible();
  await expect(page.getByText('Trang này dành cho cán bộ đã đăng nhập.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('banner')).not.toContainText(clerk.username);
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
  await expect(saveButton(page)).toHaveCount(0);
  await checkPage(page, testInfo, 'back-after-sign-out');
});
