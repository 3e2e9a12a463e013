// The "updating…" overlay: the appliance sends {type:'updating', value:{label, progress, final, failed}}
// (null when nothing is being applied) and the same in its hello snapshot, so a page that (re)connects
// during an update shows it at once. ?updating=42 shows it standalone (screenshots, technicians).
(() => {
  'use strict';
  const box = () => document.getElementById('updating');

  function show(u) {
    const el = box();
    if (!el) return;
    if (!u) { el.classList.add('hidden'); document.body.classList.remove('updating'); return; }
    const pct = Math.round(Math.max(0, Math.min(1, u.progress || 0)) * 100);
    const copying = !u.final && pct > 0;
    el.classList.remove('hidden');
    el.classList.toggle('indeterminate', !u.final && pct === 0);
    el.classList.toggle('done', !!u.final && !u.failed);
    el.classList.toggle('failed', !!u.failed);
    document.body.classList.add('updating');
    document.getElementById('updatingBar').style.strokeDasharray = `${u.final ? 100 : pct} 100`;
    document.getElementById('updatingTitle').textContent = u.final ? (u.failed ? 'Update not applied' : 'Updated') : 'Updating…';
    document.getElementById('updatingDetail').textContent = copying ? u.label : (u.label || '');
    el.dataset.progress = String(pct);
  }

  document.addEventListener('avatar-message', ev => {
    const m = ev.detail;
    if (m.type === 'updating') show(m.value);
    else if (m.type === 'hello') show(m.updating || null);
  });

  const q = new URLSearchParams(location.search);
  if (q.has('updating')) {
    const pct = Number(q.get('updating') || 0);
    window.addEventListener('DOMContentLoaded', () => show({ label: `copying models ${pct} %`, progress: pct / 100, final: false, failed: false }));
  }
  window.kioskUpdating = show;
})();
