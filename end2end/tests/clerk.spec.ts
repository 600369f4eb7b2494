// Clerk: the administrator is set up (first run) and creates the accounts; the clerk
// enters a year of figures with Vietnamese decimals, meets a validation error without
// losing the other values, fixes it and submits; the approver approves; the public
// dashboard and the indicator's chart show the new figures.
//
// Runs once with JavaScript and once without. ./run gives each mode a fresh server,
// so both runs start with the first-run setup; they may still share one server (with
// --project filters naming both), so each enters its own year and its own
// indicators, and creates its own accounts.
import { test, expect, type Page } from '@playwright/test';
import {
  adminOnAccountsPage,
  checkPage,
  createAccount,
  reviewButton,
  signIn,
  signOut,
  suffixFor,
  termIdFromHome,
} from './support';

interface Figure {
  code: string;
  name: string;
  typed: string; // what the clerk types (Vietnamese number)
  shown: RegExp; // how the dashboard writes it back
}

interface Plan {
  year: number;
  good: Figure[];
  bad: Figure & { wrong: string };
}

// Separate years and indicators per project keep the runs independent.
const plans: Record<string, Plan> = {
  'clerk-office-js': {
    year: 2021,
    good: [
      { code: 'QP-02', name: 'Vốn Quỹ Phát triển KH&CN cho vay lãi suất ưu đãi', typed: '2,5', shown: /2,5/ },
      {
        code: 'DM-02',
        name: 'Tỷ trọng giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong tổng giá trị sản xuất công nghiệp',
        typed: '12,75',
        shown: /12,75/,
      },
    ],
    bad: {
      code: 'TL-04',
      name: 'Nhân lực KH&CN có trình độ từ đại học trở lên',
      wrong: '1.234.5',
      typed: '1.234',
      shown: /1\.234/,
    },
  },
  'clerk-office-nojs': {
    year: 2022,
    good: [
      { code: 'QP-03', name: 'Vốn đầu tư của doanh nghiệp được thu hút', typed: '3,25', shown: /3,25/ },
      { code: 'DM-01', name: 'Tốc độ đổi mới công nghệ, thiết bị', typed: '7,5', shown: /7,5/ },
    ],
    bad: {
      code: 'TL-03',
      name: 'Tổ chức KH&CN công lập và ngoài công lập đang hoạt động',
      wrong: '1.234.5',
      typed: '1.050',
      shown: /1\.050/,
    },
  },
  // A clerk at a phone: whole numbers with thousands separators.
  'clerk-phone-js': {
    year: 2023,
    good: [
      { code: 'TC-02', name: 'Lượt doanh nghiệp được hỗ trợ tham gia dự án năng suất chất lượng', typed: '1.200', shown: /1\.200/ },
      { code: 'QP-01', name: 'Dự án được Quỹ Phát triển KH&CN cho vay lãi suất ưu đãi', typed: '14', shown: /14 dự án/ },
    ],
    bad: {
      code: 'TC-03',
      name: 'Cơ sở được hướng dẫn xây dựng tiêu chuẩn cơ sở, ghi nhãn hàng hóa, đăng ký mã số mã vạch',
      wrong: '1.234.5',
      typed: '2.500',
      shown: /2\.500/,
    },
  },
};

const label = (f: Figure) => `${f.code} ${f.name}`;

/** Id of an indicator of a term, from its row on the public term page. */
async function indicatorId(page: Page, termId: number, f: Figure): Promise<number> {
  await page.goto(`/terms/${termId}`);
  const href = await page
    .getByRole('row', { name: new RegExp(escape(f.name)) })
    .getByRole('link', { name: f.name, exact: true })
    .getAttribute('href');
  return Number(href?.match(/\/indicators\/(\d+)/)?.[1]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('first-run setup, a clerk enters and submits a year of figures, an approver approves, the dashboard changes', async ({
  page,
}, testInfo) => {
  // Three sign-ins (each a deliberately slow password hash), a refused save, the
  // review of every figure and an axe check of each page: 50–60 s without JavaScript
  // on these 2-core machines, too near the usual 60 s (it once ran out at the very
  // last step), so three times that, as the return journey has.
  test.slow();
  const plan = plans[testInfo.project.name];
  if (!plan) throw new Error(`no entry plan for project ${testInfo.project.name}`);
  const all = [...plan.good, plan.bad];
  const suffix = suffixFor(testInfo);

  // Before: what a reader sees of the 2020–2025 term and of one indicator.
  const termId = await termIdFromHome(page, /Nhiệm kỳ 2020–2025/);
  const chartedId = await indicatorId(page, termId, plan.good[0]);
  await page.goto(`/indicators/${chartedId}`);
  await expect(page.getByRole('heading', { level: 1, name: plan.good[0].name })).toBeVisible();
  const chartsBefore = await page.getByRole('figure').count();
  const chartBefore = chartsBefore > 0 ? await page.getByRole('figure').first().innerHTML() : '';

  // The administrator (set up from the one-time link, or signed in) creates accounts.
  await adminOnAccountsPage(page, testInfo);
  const clerk = await createAccount(page, testInfo, `vanthu-${suffix}`, 'editor', 'accounts-new-clerk');
  const approver = await createAccount(page, testInfo, `lanhdao-${suffix}`, 'approver');
  await checkPage(page, testInfo, 'accounts-created');
  await signOut(page);

  // The clerk signs in and opens the year's entry form.
  await signIn(page, testInfo, clerk.username, clerk.password, 'login');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập số liệu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhập số liệu' })).toBeVisible();
  await checkPage(page, testInfo, 'entry-index');
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Nhiệm kỳ 2020–2025' })
    .getByRole('link', { name: String(plan.year), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${plan.year}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Nhập số liệu năm ${plan.year} — Nhiệm kỳ 2020–2025` }),
  ).toBeVisible();

  // One bad value: nothing is saved, the error stands beside its field, and every
  // other typed value is kept.
  for (const f of plan.good) await page.getByLabel(label(f)).fill(f.typed);
  await page.getByLabel(label(plan.bad)).fill(plan.bad.wrong);
  await checkPage(page, testInfo, 'entry-typed');
  const refused = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith(`/entry/${termId}/${plan.year}`),
  );
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  expect((await refused).status()).toBe(422);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Có 1 ô cần sửa');
  await expect(summary).toContainText('Chưa có số liệu nào được lưu');
  const badInput = page.getByLabel(label(plan.bad));
  await expect(badInput).toHaveValue(plan.bad.wrong);
  await expect(badInput).toHaveAttribute('aria-invalid', 'true');
  await expect(badInput).toHaveAccessibleDescription(/dấu phẩy|số/);
  await expect(page.getByRole('row', { name: new RegExp(escape(plan.bad.code)) })).toContainText(
    /Cách viết số không rõ ràng|Không phải là số/,
  );
  for (const f of plan.good) await expect(page.getByLabel(label(f))).toHaveValue(f.typed);
  await checkPage(page, testInfo, 'entry-error');

  // Fixed: all three saved as drafts, then submitted for approval.
  await badInput.fill(plan.bad.typed);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã lưu ${all.length} số liệu (bản nháp).`);
  for (const f of all) {
    await expect(page.getByLabel(label(f))).toHaveValue(f.typed);
    await expect(page.getByRole('row', { name: new RegExp(escape(f.code)) })).toContainText('Bản nháp');
  }
  await checkPage(page, testInfo, 'entry-saved');
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã gửi ${all.length} số liệu để lãnh đạo duyệt.`);
  for (const f of all) {
    await expect(page.getByRole('row', { name: new RegExp(escape(f.code)) })).toContainText('Chờ duyệt');
  }
  await checkPage(page, testInfo, 'entry-submitted');

  // Submitted figures are not public yet.
  await signOut(page);
  await page.goto(`/indicators/${chartedId}`);
  await expect(page.getByRole('region', { name: /Số liệu/ }).last()).not.toContainText(plan.good[0].shown);

  // The approver approves each of them.
  await signIn(page, testInfo, approver.username, approver.password);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Duyệt số liệu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Duyệt số liệu' })).toBeVisible();
  const item = (f: Figure) =>
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: label(f) }) })
      .filter({ hasText: String(plan.year) });
  for (const f of all) await expect(item(f)).toContainText(f.shown);
  await item(plan.good[0]).getByLabel(/Ý kiến/).fill('Khớp với báo cáo năm.');
  await checkPage(page, testInfo, 'review');
  // Every button names its figure: none is just "Duyệt".
  await expect(page.getByRole('button', { name: 'Duyệt', exact: true })).toHaveCount(0);
  for (const f of all) {
    await reviewButton(page, 'Duyệt', label(f), plan.year).click();
    await expect(page.getByRole('status')).toContainText('Đã ghi nhận.');
    await expect(item(f)).toHaveCount(0);
  }
  await checkPage(page, testInfo, 'review-done');
  await signOut(page);

  // A reader now sees the approved figures on the term page and on the indicator.
  await page.goto(`/terms/${termId}`);
  for (const f of all) {
    await expect(page.getByRole('row', { name: new RegExp(escape(f.name)) })).toContainText(f.shown);
  }
  await checkPage(page, testInfo, 'term-after');
  await page.goto(`/indicators/${chartedId}`);
  const values = page.getByRole('region', { name: /Số liệu/ }).last();
  await expect(values.getByRole('row', { name: new RegExp(String(plan.year)) })).toContainText(
    plan.good[0].shown,
  );
  const chart = page.getByRole('figure').first();
  await expect(chart).toBeVisible();
  expect(await chart.innerHTML()).not.toBe(chartBefore);
  await chart.getByText('Số liệu của biểu đồ', { exact: true }).click();
  await expect(chart.getByRole('table')).toContainText(plan.good[0].shown);
  await checkPage(page, testInfo, 'indicator-after');
});
