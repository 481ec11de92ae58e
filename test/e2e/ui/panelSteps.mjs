// Steps the panel's UI tests share (not a test file: the runner picks up *.ui.mjs only).

/** Opens `spec`, runs Train Network and waits until the panel shows the trained runs (not the initial-weights
 *  analysis it may show first); returns the panel's frame. */
export async function trainInPanel(wb, spec) {
  await wb.openFile(spec);
  await wb.runCommand('Gradient Lens: Train Network');
  const frame = await wb.webviewFrame();
  await frame.locator('.status-done', { hasText: 'Trained' }).waitFor({ timeout: 60_000 });
  return frame;
}
