import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// end2end/screenshots, next to this tests/ folder.
const screenshotsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a committee member reads the 2015–2020 report figures without JavaScript', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await saveScreenshot(page, testInfo, 'home');

  await page.getByRole('link', { name: /2015\s*[–-]\s*2020/ }).first().click();
  await expect(page).toHaveURL(/\/terms\/\d+/);

  const taskRow = page.getByRole('row').filter({ hasText: 'Quản lý, triển khai nhiệm vụ KH&CN' });
  await expect(taskRow.first()).toBeVisible();
  await expect(taskRow.first()).toContainText('101');
  await expect(page.getByText('15 tỷ đồng').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'term-2015-2020');
});
