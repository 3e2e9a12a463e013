// Kiosk avatar page: draws the rigged SVG character, keeps a clock synchronised with the appliance over
// the WebSocket and applies each timeline cue on the animation frame where its server time falls.
// Query parameters (technicians/tests): expression, gesture, state, viseme, phase (gesture 0..1),
// gaze (DOA degrees), subtitle, nosubtitles, still (no idle motion), offline (no socket), report (send drawn
// visemes back for `bench lipsync`), updating (show the provisioning overlay, e.g. updating=42).
(() => {
  'use strict';
  const q = new URLSearchParams(location.search);
  const still = q.has('still');
  const report = q.has('report');
  if (still) document.body.classList.add('still');

  // ---- Clock sync: the same estimator as Appliance.Avatar.Sync.ClockSync (C#, unit-tested). ----
  class ClockSync {
    constructor() { this.samples = []; this.anchor = 0; this.offset = 0; this.drift = 0; }
    get count() { return this.samples.length; }
    reset() { this.samples = []; this.anchor = 0; this.offset = 0; this.drift = 0; }
    add(c0, s1, s2, c1) {
      const offset = ((s1 - c0) + (s2 - c1)) / 2;
      const delay = (c1 - c0) - (s2 - s1);
      if (delay < 0 || Number.isNaN(offset)) return;
      this.samples.push({ offset, delay, mid: (c0 + c1) / 2 });
      if (this.samples.length > 32) this.samples.shift();
      this.fit();
    }
    fit() {
      const best = [...this.samples].sort((a, b) => a.delay - b.delay).slice(0, Math.max(1, (this.samples.length + 1) >> 1));
      const mids = best.map(s => s.mid);
      const span = Math.max(...mids) - Math.min(...mids);
      if (best.length < 4 || span < 2000) { this.anchor = best[0].mid; this.offset = best[0].offset; this.drift = 0; return; }
      const mt = best.reduce((a, s) => a + s.mid, 0) / best.length;
      const mo = best.reduce((a, s) => a + s.offset, 0) / best.length;
      let num = 0, den = 0;
      for (const s of best) { num += (s.mid - mt) * (s.offset - mo); den += (s.mid - mt) ** 2; }
      this.anchor = mt; this.offset = mo; this.drift = den > 0 ? num / den : 0;
    }
    toServer(c) { return c + this.offset + this.drift * (c - this.anchor); }
  }

  const lerp = (a, b, k) => a + (b - a) * k;
  const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
  const smooth = t => t * t * (3 - 2 * t);
  const approach = (cur, target, dt, tau) => tau <= 0 ? target : lerp(cur, target, 1 - Math.exp(-dt / tau));

  let rig = null;
  const el = {};
  const sync = new ClockSync();
  let socket = null;
  let cues = [];               // pending cues, sorted by server time
  let state = q.get('state') || 'idle';
  let expression = q.get('expression') || 'neutral';
  let viseme = q.get('viseme') || 'Rest';
  let gazeDeg = Number(q.get('gaze') || 0);
  let gesture = null;          // { name, start (client ms), phase? }
  let subtitleEnd = null;
  let nextBlink = 0, blinkStart = -1e9;
  const cur = {};              // smoothed parameters

  async function load() {
    const [svg, rigJson] = await Promise.all([
      fetch('/avatar/avatar.svg').then(r => r.text()),
      fetch('/avatar/rig.json').then(r => r.json()),
    ]);
    rig = rigJson;
    document.getElementById('character').innerHTML = svg;
    for (const id of ['figure', 'body', 'head', 'mouth', 'mouthClipPath', 'teeth', 'tongue', 'cheekL', 'cheekR', 'eyeL', 'eyeR',
      'browL', 'browR', 'armL', 'armR', 'heart']) el[id] = document.getElementById(id);
    for (const side of ['L', 'R']) {
      const eye = el['eye' + side];
      el['ball' + side] = eye.querySelector('.eyeball');
      el['iris' + side] = eye.querySelector('.iris');
      el['lid' + side] = eye.querySelector('.lowerLid');
      const arm = el['arm' + side];
      el['upper' + side] = arm.querySelector('.upper');
      el['fore' + side] = arm.querySelector('.fore');
      el['finger' + side] = arm.querySelector('.finger');
    }
    if (q.get('gesture')) gesture = { name: q.get('gesture'), start: performance.now(), phase: q.has('phase') ? Number(q.get('phase')) : (still ? 0.5 : null) };
    setState(state);
    if (q.get('subtitle')) showSubtitle(q.get('subtitle'), null);
    const t = performance.now();
    frame(t, true);
    if (!still) requestAnimationFrame(loop);
    if (!q.has('offline')) connect();
    document.body.dataset.ready = '1';
  }

  // ---- WebSocket with transparent reconnect ----
  let retry = 250;
  function connect() {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/avatar/ws`);
    socket = ws;
    ws.onopen = () => {
      retry = 250;
      document.getElementById('offline').classList.add('hidden');
      sync.reset();
      for (let i = 0; i < 8; i++) setTimeout(ping, i * 60);
    };
    ws.onmessage = ev => onMessage(JSON.parse(ev.data));
    ws.onclose = () => {
      document.getElementById('offline').classList.remove('hidden');
      socket = null;
      setTimeout(connect, retry);
      retry = Math.min(2000, retry * 2);
    };
    ws.onerror = () => ws.close();
  }
  function ping() { if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: 'ping', c0: performance.now() })); }
  setInterval(ping, 1000);

  function onMessage(m) {
    document.dispatchEvent(new CustomEvent('avatar-message', { detail: m })); // overlays (updating.js)
    switch (m.type) {
      case 'pong': sync.add(m.c0, m.s1, m.s2, performance.now()); break;
      case 'hello':
        if (sync.count === 0) sync.offset = m.now - performance.now(); // rough until the first pong
        cues = []; addCues(m.cues || []);
        setState(m.state); expression = m.expression || 'neutral'; gazeDeg = m.gaze || 0;
        break;
      case 'cues': addCues(m.cues); break;
      case 'state': setState(m.value); break;
      case 'gaze': gazeDeg = m.degrees; break;
      case 'stop':
        cues = cues.filter(c => c.t < m.at);
        cues.push({ t: m.at, kind: 'viseme', value: 'Rest' });
        cues.sort((a, b) => a.t - b.t);
        break;
    }
  }
  function addCues(list) {
    // Arrival time on the server clock: `bench lipsync` tells a late cue from a late frame with it.
    const rx = sync.toServer(performance.now());
    for (const c of list) c.rx = rx;
    cues.push(...list); cues.sort((a, b) => a.t - b.t);
  }

  function setState(s) {
    state = s || 'idle';
    for (const c of ['idle', 'listening', 'thinking', 'speaking']) document.body.classList.toggle(c, c === state);
    if (state === 'listening' || state === 'idle') hideSubtitle();
  }
  function showSubtitle(text, end) {
    if (q.has('nosubtitles')) return; // provisioning display.subtitles: false
    document.getElementById('subtitleText').textContent = text;
    document.getElementById('subtitle').classList.remove('hidden');
    subtitleEnd = end;
  }
  function hideSubtitle() { document.getElementById('subtitle').classList.add('hidden'); subtitleEnd = null; }

  function applyCue(c, frameServer) {
    switch (c.kind) {
      case 'viseme':
        viseme = c.value;
        if (report) reportApplied({ type: 'applied', kind: c.kind, value: c.value, scheduled: c.t, applied: frameServer, received: c.rx ?? null, run: sync.toServer(performance.now()), previous: lastFrameServer });
        break;
      case 'expression': expression = c.value; break;
      case 'gesture': gesture = { name: c.value, start: performance.now(), phase: null }; break;
      case 'subtitle': showSubtitle(c.value, c.end ?? null); break;
    }
  }

  // Report mode: every drawn viseme goes back to the server and into a bounded in-page log (read over
  // DevTools by `bench lipsync --live`, whose service process is not the one the bench listens to).
  const appliedLog = [];
  function reportApplied(m) {
    appliedLog.push(m);
    if (appliedLog.length > 50000) appliedLog.splice(0, 10000);
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(m));
  }

  function loop(t) { frame(t, false); requestAnimationFrame(loop); }

  let last = 0;
  let lastFrameServer = null;
  const frameGaps = [];
  function typicalFrameMs() {
    if (frameGaps.length < 3) return 1000 / 60;
    const sorted = [...frameGaps].sort((a, b) => a - b);
    return sorted[sorted.length >> 1];
  }
  function frame(t, instant) {
    if (!rig) return;
    const dt = instant ? 0 : Math.min(100, t - (last || t));
    last = t;
    // Apply every cue whose time falls before the middle of the next frame interval, so each shape lands
    // on the frame nearest its sound. The interval is learned (median of recent frames): a 30 Hz panel or
    // a renderer that can only keep 30 fps needs half of 33 ms, not half of 16.7.
    if (!instant && dt > 0) { frameGaps.push(dt); if (frameGaps.length > 15) frameGaps.shift(); }
    const server = sync.toServer(t);
    const lookAhead = Math.min(25, typicalFrameMs() / 2);
    while (cues.length && cues[0].t <= server + lookAhead) applyCue(cues.shift(), server);
    lastFrameServer = server;
    if (subtitleEnd !== null && server > subtitleEnd + 1200) hideSubtitle();
    const target = targets(t);
    const tm = rig.timing;
    for (const [k, v] of Object.entries(target)) {
      const tau = instant || still ? 0 : (k.startsWith('m') ? tm.mouthTauMs : k.startsWith('arm') ? tm.armTauMs : tm.faceTauMs);
      cur[k] = cur[k] === undefined ? v : approach(cur[k], v, dt, tau);
    }
    draw(t);
  }

  // Target parameters from pose + expression + viseme + gesture.
  function targets(t) {
    const ex = rig.expressions[expression] || rig.expressions.neutral;
    const pose = rig.poses[state] || rig.poses.idle;
    const vis = rig.visemes[viseme] || rig.visemes.Rest;
    const out = {
      mOpen: clamp(vis.open + (viseme === 'Rest' ? (ex.mouthOpen || 0) : 0), 0, 1.1),
      mWidth: vis.width, mRound: Math.max(vis.round || 0, viseme === 'Rest' ? (ex.mouthRound || 0) : 0),
      mTeeth: vis.teeth || 0, mTongue: vis.tongue || 0, smile: ex.smile,
      browL: (ex.browL ?? ex.brow) + (pose.brow || 0), browR: (ex.browR ?? ex.brow) + (pose.brow || 0), browTilt: ex.browTilt,
      eyeOpen: ex.eyeOpen * (pose.eyeOpen || 1), eyeSmile: ex.eyeSmile, blush: ex.blush,
      tilt: ex.tilt + pose.tilt, lean: pose.lean || 0, bow: 0, heart: 0, finger: 0, turn: 0,
      gazeX: ex.gazeX ?? pose.gazeX ?? 0, gazeY: ex.gazeY ?? pose.gazeY ?? 0,
      armLs: pose.L.shoulder, armLe: pose.L.elbow, armRs: pose.R.shoulder, armRe: pose.R.elbow,
    };
    if (gazeDeg && !ex.gazeX && !pose.gazeX) {
      const g = rig.gaze;
      out.gazeX = clamp(g.doaSign * gazeDeg / g.doaRangeDeg, -1, 1);
      out.turn = out.gazeX;
    }
    if (gesture) applyGesture(out, t);
    return out;
  }

  function applyGesture(out, t) {
    const g = rig.gestures[gesture.name];
    if (!g) { gesture = null; return; }
    const p = gesture.phase ?? (t - gesture.start) / g.durationMs;
    if (p >= 1) { gesture = null; return; }
    // Keys are partial poses; the base pose holds at phase 0 and 1 so gestures blend in and out.
    const base = { armLs: out.armLs, armLe: out.armLe, armRs: out.armRs, armRe: out.armRe, tilt: out.tilt, bow: 0, heart: 0, finger: 0, gazeX: out.gazeX, turn: out.turn };
    const keys = [{ t: 0 }, ...g.keys, { t: 1 }].map(k => ({
      t: k.t,
      armLs: k.L?.shoulder ?? base.armLs, armLe: k.L?.elbow ?? base.armLe,
      armRs: k.R?.shoulder ?? base.armRs, armRe: k.R?.elbow ?? base.armRe,
      tilt: k.tilt ?? base.tilt, bow: k.bow ?? 0, heart: k.heart ?? 0, finger: k.finger ?? 0,
      gazeX: k.gazeX ?? base.gazeX, turn: k.turn ?? base.turn,
    }));
    let i = 0;
    while (i < keys.length - 2 && keys[i + 1].t <= p) i++;
    const a = keys[i], b = keys[i + 1];
    const f = smooth(clamp((p - a.t) / Math.max(1e-6, b.t - a.t), 0, 1));
    for (const k of Object.keys(base)) out[k] = lerp(a[k], b[k], f);
  }

  function draw(t) {
    const tm = rig.timing;
    const breath = still ? 0 : Math.sin(t / tm.breathMs * 2 * Math.PI);
    const sway = still ? 0 : Math.sin(t / (tm.breathMs * 1.7) * 2 * Math.PI);
    // Blink: random interval, quick close-open.
    if (!still && t > nextBlink) { blinkStart = t; const [lo, hi] = tm.blinkEveryMs; nextBlink = t + lo + Math.random() * (hi - lo); }
    const bp = (t - blinkStart) / tm.blinkMs;
    const blink = bp >= 0 && bp < 1 ? Math.sin(bp * Math.PI) : 0;

    const bow = cur.bow;
    el.body.setAttribute('transform', `translate(0 ${(bow * 14 + breath * 1.5).toFixed(2)}) translate(300 800) scale(1 ${(1 + breath * 0.008).toFixed(4)}) translate(-300 -800)`);
    const headX = cur.turn * rig.gaze.headTurnDeg * 2 + sway * 3;
    const headY = bow * 36 - cur.lean * 6 + breath * 2.5;
    const tilt = cur.tilt + sway * 1.2;
    el.head.setAttribute('transform', `translate(${headX.toFixed(2)} ${headY.toFixed(2)}) rotate(${tilt.toFixed(2)} 300 440) translate(300 440) scale(${(1 - bow * 0.04).toFixed(3)} ${(1 - bow * 0.1).toFixed(3)}) translate(-300 -440)`);

    // Eyes: openness × blink, squint by the lower lid, gaze by the iris.
    const open = clamp(cur.eyeOpen * (1 - blink) * (1 - bow * 0.85), 0.06, 1.3);
    const gx = cur.gazeX * rig.gaze.maxX, gy = cur.gazeY * rig.gaze.maxY;
    for (const s of ['L', 'R']) {
      el['ball' + s].setAttribute('transform', `scale(1 ${open.toFixed(3)})`);
      el['iris' + s].setAttribute('transform', `translate(${gx.toFixed(2)} ${gy.toFixed(2)})`);
      el['lid' + s].setAttribute('cy', (48 - cur.eyeSmile * 20).toFixed(2));
    }
    el.browL.setAttribute('transform', `translate(248 ${(262 - cur.browL + headY * 0).toFixed(2)}) rotate(${(-cur.browTilt).toFixed(2)})`);
    el.browR.setAttribute('transform', `translate(352 ${(262 - cur.browR).toFixed(2)}) rotate(${cur.browTilt.toFixed(2)})`);
    el.cheekL.setAttribute('opacity', (cur.blush * 0.7).toFixed(3));
    el.cheekR.setAttribute('opacity', (cur.blush * 0.7).toFixed(3));

    // Mouth: a two-curve shape from open/width/round/smile; teeth and tongue are clipped inside it.
    const cx = 300, cy = 392;
    const w = (22 + 30 * cur.mWidth) * (1 - 0.4 * cur.mRound);
    const h = cur.mOpen * 42;
    const s = cur.smile;
    const corner = cy - s * 9;
    const upper = cy - h * 0.32 - 1 + cur.mRound * -2;
    const lower = cy + h + s * 12 + 1.5;
    const d = `M ${cx - w} ${corner} Q ${cx} ${upper - (1 - Math.abs(s)) * 0} ${cx + w} ${corner} Q ${cx} ${lower} ${cx - w} ${corner} Z`;
    el.mouth.setAttribute('d', d);
    el.mouthClipPath.setAttribute('d', d);
    // A quadratic's extreme lies halfway between its end points and its control point.
    const top = (corner + upper) / 2, bottom = (corner + lower) / 2;
    el.teeth.setAttribute('y', (top - 17 + 9 * cur.mTeeth).toFixed(2));
    el.tongue.setAttribute('cy', (bottom + 8 - 10 * cur.mTongue).toFixed(2));

    // Arms: shoulder and elbow rotations (the right arm is mirrored in the SVG).
    el.upperL.setAttribute('transform', `rotate(${cur.armLs.toFixed(2)})`);
    el.foreL.setAttribute('transform', `translate(0 110) rotate(${cur.armLe.toFixed(2)})`);
    el.upperR.setAttribute('transform', `rotate(${cur.armRs.toFixed(2)})`);
    el.foreR.setAttribute('transform', `translate(0 110) rotate(${cur.armRe.toFixed(2)})`);
    el.fingerR.setAttribute('opacity', cur.finger.toFixed(2));
    el.heart.setAttribute('opacity', cur.heart.toFixed(3));
    const hs = cur.heart * (1 + (still ? 0 : 0.06 * Math.sin(t / 160)));
    el.heart.setAttribute('transform', `translate(300 ${(540 - cur.heart * 22).toFixed(1)}) scale(${(hs * 0.8).toFixed(3)})`);
  }

  window.avatar = { sync, get cues() { return cues; }, get viseme() { return viseme; }, get applied() { return appliedLog; } };
  load().catch(e => { document.body.dataset.error = String(e); });
})();
