// "Send new code" waits for the cooldown, counting down on the button.
export function countdown(button: HTMLButtonElement, label: string, until: Date | undefined): void {
  const timer = Number(button.dataset.timer ?? 0);
  if (timer) window.clearInterval(timer);
  const tick = () => {
    const left = until ? Math.ceil((until.getTime() - Date.now()) / 1000) : 0;
    if (left > 0) {
      button.disabled = true;
      button.textContent = `${label} (${left} s)`;
      return true;
    }
    button.disabled = false;
    button.textContent = label;
    return false;
  };
  if (tick()) {
    const id = window.setInterval(() => {
      if (!tick() || !button.isConnected) window.clearInterval(id);
    }, 250);
    button.dataset.timer = String(id);
  }
}
