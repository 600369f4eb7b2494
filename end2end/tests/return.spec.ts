// Return to the clerk ("Trả lại"): the approver returns a submitted figure with a
// reason (a return without one is refused); the clerk sees it returned, with the
// reason, beside the figure on the entry form, fixes it and submits it again; the
// approver approves it and readers see the corrected figure.
//
// Runs once with JavaScript and once without. The journeys of a mode share one server
// (and both modes may share one, with --project filters naming both), so each run
// enters its own year and indicator and creates its own accounts.
import { test, expect, type Page, type TestInfo } from '@playwright/test';
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

interface Plan {
  year: number;
  code: string;
  name: string;
  first: string; // what the clerk types first (wrong)
  fixed: string; // what the clerk types after the return
  reason: string;
}

const plans: Record<string, Plan> = {
  'return-office-js': {
    year: 2024,
    code: 'TL-01',
    name: 'Doanh nghiệp KH&CN được thành lập và hoạt động',
    first: '48',
    fixed: '36',
    reason: 'Số doanh nghiệp gấp 10 lần báo cáo năm; xem lại giúp.',
  },
  'return-office-nojs': {
    year: 2025,
    code: 'TL-02',
    name: 'Sản phẩm, nhóm sản phẩm hình thành từ kết quả KH&CN',
    first: '170',
    fixed: '19',
    reason: 'Báo cáo năm ghi 19 sản phẩm, không phải 170.',
  },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A number as written on a page, not part of a longer number. */
function figure(v: string): RegExp {
  return new RegExp(`(^|[^\\d.,])${escape(v)}([^\\d.,]|$)`);
}

async function openEntryForm(page: Page, termId: number, year: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập số liệu' }).click();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Nhiệm kỳ 2020–2025' })
    .getByRole('link', { name: String(year), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/entry/${termId}/${year}$`));
  await expect(
    page.getByRole('heading', { level: 1, name: `Nhập số liệu năm ${year} — Nhiệm kỳ 2020–2025` }),
  ).toBeVisible();
}

async function openReview(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Duyệt số liệu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Duyệt số liệu' })).toBeVisible();
}

/** The clerk saves `value` as a draft and submits it. */
async function saveAndSubmit(page: Page, testInfo: TestInfo, plan: Plan, value: string, shot: string) {
  const field = page.getByLabel(`${plan.code} ${plan.name}`);
  await field.fill(value);
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByRole('status')).toContainText('Đã lưu 1 số liệu (bản nháp).');
  await expect(page.getByLabel(`${plan.code} ${plan.name}`)).toHaveValue(value);
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status')).toContainText('Đã gửi 1 số liệu để lãnh đạo duyệt.');
  await expect(page.getByRole('row', { name: new RegExp(escape(plan.code)) })).toContainText('Chờ duyệt');
  await checkPage(page, testInfo, shot);
}

test('an approver returns a figure with a reason, the clerk fixes and resubmits it, the approver approves', async ({
  page,
}, testInfo) => {
  // Four sign-ins (each a deliberately slow password hash) and two review rounds:
  // about twice the clerk's journey, so three times the usual 60 s.
  test.slow();
  const plan = plans[testInfo.project.name];
  if (!plan) throw new Error(`no plan for project ${testInfo.project.name}`);
  const indicator = `${plan.code} ${plan.name}`;
  const suffix = suffixFor(testInfo);
  const termId = await termIdFromHome(page, /Nhiệm kỳ 2020–2025/);

  await adminOnAccountsPage(page, testInfo);
  const clerk = await createAccount(page, testInfo, `vanthu-${suffix}`, 'editor');
  const approver = await createAccount(page, testInfo, `lanhdao-${suffix}`, 'approver');
  await signOut(page);

  // The clerk submits a wrong figure.
  await signIn(page, testInfo, clerk.username, clerk.password);
  await openEntryForm(page, termId, plan.year);
  await saveAndSubmit(page, testInfo, plan, plan.first, 'submitted');
  await signOut(page);

  // The approver returns it. Without a reason the return is refused.
  await signIn(page, testInfo, approver.username, approver.password);
  await openReview(page);
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: indicator }) })
    .filter({ hasText: String(plan.year) });
  await expect(item).toContainText(figure(plan.first));
  const returnButton = reviewButton(page, 'Trả lại', indicator, plan.year);
  await expect(returnButton).toBeVisible();
  await returnButton.click();
  await expect(page.getByRole('alert')).toContainText('hãy ghi ý kiến');
  await expect(item).toHaveCount(1);
  await item.getByLabel(/Ý kiến/).fill(plan.reason);
  await checkPage(page, testInfo, 'review-returning');
  await reviewButton(page, 'Trả lại', indicator, plan.year).click();
  await expect(page.getByRole('status')).toContainText('Đã ghi nhận.');
  await expect(item).toHaveCount(0);
  await signOut(page);

  // Nothing of it is public.
  await page.goto(`/terms/${termId}`);
  const readerRow = page.getByRole('row', { name: new RegExp(escape(plan.name)) });
  await readerRow.getByRole('link', { name: plan.name, exact: true }).click();
  await expect(page).toHaveURL(/\/indicators\/\d+$/);
  const indicatorUrl = page.url();
  await expect(page.getByRole('region', { name: /Số liệu/ }).last()).not.toContainText(figure(plan.first));

  // The clerk sees it returned, with the reason, fixes it and submits it again.
  await signIn(page, testInfo, clerk.username, clerk.password);
  await openEntryForm(page, termId, plan.year);
  const row = page.getByRole('row', { name: new RegExp(escape(plan.code)) });
  await expect(row).toContainText('Bị trả lại');
  await expect(row).toContainText(`Bị trả lại: ${plan.reason}`);
  await expect(page.getByLabel(indicator)).toHaveValue(plan.first);
  await checkPage(page, testInfo, 'entry-returned');
  await saveAndSubmit(page, testInfo, plan, plan.fixed, 'resubmitted');
  await signOut(page);

  // The approver approves the corrected figure.
  await signIn(page, testInfo, approver.username, approver.password);
  await openReview(page);
  await expect(item).toContainText(figure(plan.fixed));
  await reviewButton(page, 'Duyệt', indicator, plan.year).click();
  await expect(page.getByRole('status')).toContainText('Đã ghi nhận.');
  await expect(item).toHaveCount(0);
  await checkPage(page, testInfo, 'review-approved');
  await signOut(page);

  // Readers see the corrected figure.
  await page.goto(indicatorUrl);
  // The year's row: its figure cell holds the corrected number (the row's text runs
  // the year and the figure together, "Năm 202436 …", so look at the cells).
  await expect(
    page
      .getByRole('region', { name: /Số liệu/ })
      .last()
      .getByRole('row', { name: new RegExp(String(plan.year)) })
      .getByRole('cell')
      .filter({ hasText: figure(plan.fixed) }),
  ).toHaveCount(1);
  await checkPage(page, testInfo, 'indicator-after');
});
