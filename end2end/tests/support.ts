// Shared helpers of the journeys: checking every visited page (axe + screenshot),
// signing in and out, and the one administrator a server can have set up.
import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// end2end/screenshots, next to this tests/ folder (ignored by git).
export const screenshotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

const shotCounters = new Map<string, number>();

/**
 * Looks at the page the browser shows now, as a person and as a screen reader
 * would: saves a full-page screenshot under end2end/screenshots/ and runs axe-core,
 * failing on any serious or critical violation.
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const key = `${testInfo.project.name}/${testInfo.title}`;
  const n = (shotCounters.get(key) ?? 0) + 1;
  shotCounters.set(key, n);
  const journey = testInfo.titlePath[0].replace(/\.spec\.ts$/, '').replace(/\W+/g, '-');
  const file = `${testInfo.project.name}--${journey}-${String(n).padStart(2, '0')}-${name}.png`;
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, file);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });

  const results = await runAxe(page, testInfo);
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const minor = results.violations.filter((v) => !serious.includes(v));
  if (minor.length > 0) {
    // Reported, not failed: moderate and minor findings are worth a look.
    testInfo.annotations.push({
      type: 'axe (moderate/minor)',
      description: `${name}: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`,
    });
  }
  const report = serious.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  }));
  expect(report, `axe-core: serious or critical violations on "${name}" (${page.url()})`).toEqual(
    [],
  );
}

/**
 * axe-core runs inside the page, so it needs JavaScript. With JavaScript enabled it
 * checks the live page. With JavaScript disabled, the page's current HTML is shown
 * at the same address in a second, script-enabled page of the same size (styles and
 * fonts load from the server as usual), and axe checks that copy.
 */
async function runAxe(page: Page, testInfo: TestInfo) {
  if (testInfo.project.use.javaScriptEnabled !== false) {
    return new AxeBuilder({ page }).analyze();
  }
  const html = await page.content();
  const url = page.url();
  const context = await page.context().browser()!.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize(),
    locale: testInfo.project.use.locale,
    javaScriptEnabled: true,
  });
  try {
    const mirror = await context.newPage();
    await mirror.route((u) => u.href === url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await mirror.goto(url);
    return await new AxeBuilder({ page: mirror }).analyze();
  } finally {
    await context.close();
  }
}

/** A valid password (≥ 10 characters) that differs per account. */
export function passwordFor(username: string): string {
  return `Mat-khau-${username}-2025`;
}

/** Username suffix that keeps accounts of parallel projects apart. */
export function suffixFor(testInfo: TestInfo): string {
  return testInfo.project.name.replace(/[^a-z0-9]+/gi, '').toLowerCase();
}

export async function signIn(
  page: Page,
  testInfo: TestInfo,
  username: string,
  password: string,
  shotName?: string,
): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  if (shotName) await checkPage(page, testInfo, shotName);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(username);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
}

export interface Account {
  username: string;
  password: string;
}

/**
 * The server's administrator, signed in on `page`, which ends on the accounts page.
 *
 * A server prints one setup link that works once. The first journey that needs an
 * administrator opens that link in its browser and creates the account; the name
 * is written to a file in the run's temporary folder (E2E_STATE_DIR, made fresh
 * for every server by ./run), and later journeys sign in with it. The file is
 * claimed with an exclusive create, so two workers never both use the link.
 */
export async function adminOnAccountsPage(page: Page, testInfo: TestInfo): Promise<Account> {
  const stateDir = process.env.E2E_STATE_DIR;
  const setupLink = process.env.SETUP_LINK;
  if (!stateDir || !setupLink) {
    throw new Error('SETUP_LINK / E2E_STATE_DIR are not set: run the suite with ./run');
  }
  const stateFile = join(stateDir, 'admin.json');
  const admin: Account = { username: 'quantri', password: passwordFor('quantri') };

  let claimed = false;
  try {
    closeSync(openSync(join(stateDir, 'admin.claim'), 'wx'));
    claimed = true;
  } catch {
    claimed = false;
  }

  if (claimed) {
    await page.goto(setupLink);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tạo tài khoản quản trị đầu tiên' }),
    ).toBeVisible();
    await page.getByLabel('Tên đăng nhập').fill(admin.username);
    await page.getByLabel('Mật khẩu mới').fill(admin.password);
    await checkPage(page, testInfo, 'setup');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
    writeFileSync(stateFile, JSON.stringify(admin));
  } else {
    // Another journey used the link; wait for it to record the administrator.
    await expect
      .poll(
        () => {
          try {
            return JSON.parse(readFileSync(stateFile, 'utf8')).username as string;
          } catch {
            return '';
          }
        },
        { timeout: 30_000, message: 'waiting for the first journey to set up the administrator' },
      )
      .toBe(admin.username);
    await signIn(page, testInfo, admin.username, admin.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản' })).toBeVisible();
  return admin;
}

/** Creates an account from the accounts page (signed in as admin). */
export async function createAccount(
  page: Page,
  testInfo: TestInfo,
  username: string,
  role: 'viewer' | 'editor' | 'approver' | 'admin',
  shotName?: string,
): Promise<Account> {
  const password = passwordFor(username);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Vai trò').selectOption(role);
  await page.getByLabel('Mật khẩu mới').fill(password);
  if (shotName) await checkPage(page, testInfo, shotName);
  await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Đã tạo tài khoản.');
  await expect(page.getByRole('rowheader', { name: username, exact: true })).toBeVisible();
  return { username, password };
}

/** Id of a term, from its link on the overview page. */
export async function termIdFromHome(page: Page, termName: RegExp): Promise<number> {
  await page.goto('/');
  const href = await page.getByRole('link', { name: termName }).first().getAttribute('href');
  const m = href?.match(/\/terms\/(\d+)/);
  if (!m) throw new Error(`no /terms/{id} link for ${termName}: ${href}`);
  return Number(m[1]);
}

/**
 * The "Duyệt" (approve) or "Trả lại" (return) button of one figure on /review. Each
 * has its own accessible name (the visible word, then the indicator, the period and
 * the term), so a screen reader user hears which figure a button decides.
 */
export function reviewButton(
  page: Page,
  action: 'Duyệt' | 'Trả lại',
  indicator: string,
  year: number,
  term = 'Nhiệm kỳ 2020–2025',
) {
  return page.getByRole('button', { name: `${action} ${indicator} (Năm ${year}, ${term})`, exact: true });
}
