// cxbench page behaviours. A plain script, loaded with `defer` (the DOM is parsed when it runs);
// the CSP allows only our own files, so there are no inline handlers in the pages.
//
// Each behaviour is a small module of its own: a named function run at once, so nothing leaks into
// the global scope and a reader finds a behaviour by its name. They listen on `document`, so
// elements htmx swaps in later behave the same as those in the first page.
'use strict';

// Weights: a slider and its number input mirror each other; each group shows its live sum.
(function weightSliders() {
  // The sum as the page's language writes it: 12.5 / 12,5 (issue 16).
  function localNumber(x) { return new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 2 }).format(x); }
  function sumGroup(group) {
    var inputs = document.querySelectorAll('input[data-group="' + group + '"]');
    var total = 0;
    inputs.forEach(function (i) { total += parseFloat(String(i.value).replace(',', '.')) || 0; });
    var out = document.querySelector('output[data-sum-of="' + group + '"]');
    if (out) {
      out.textContent = localNumber(Math.round(total * 10) / 10);
      var p = out.closest('.weight-sum');
      if (p) p.classList.toggle('off', Math.abs(total - 100) > 0.2);
    }
  }
  document.addEventListener('input', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLInputElement)) return;
    if (t.type === 'range' && t.dataset.sync) {
      var num = document.getElementById(t.dataset.sync);
      if (num) { num.value = t.value; sumGroup(num.dataset.group); }
    } else if (t.type !== 'range' && t.dataset.group) {
      // A text field (inputmode=decimal) so "12,5" can be typed in de/nl/pl (issue 16).
      var range = document.querySelector('input[type="range"][data-sync="' + t.id + '"]');
      if (range) range.value = String(parseFloat(String(t.value).replace(',', '.')) || 0);
      sumGroup(t.dataset.group);
    }
  });
  document.querySelectorAll('output[data-sum-of]').forEach(function (o) { sumGroup(o.getAttribute('data-sum-of')); });
})();

// Points vote: show how many of the 100 points are left as the person types or slides.
(function pointsVote() {
  // The sum as the page's language writes it: 12.5 / 12,5 (issue 16).
  function localNumber(x) { return new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 2 }).format(x); }
  function pointsLeft() {
    var out = document.querySelector('output[data-points-left]');
    if (!out) return;
    var used = 0;
    document.querySelectorAll('input[data-group="points"]').forEach(function (i) { used += parseFloat(String(i.value).replace(',', '.')) || 0; });
    var left = Math.round((100 - used) * 100) / 100;
    out.textContent = localNumber(left);
    var p = out.closest('.weight-sum');
    if (p) p.classList.toggle('off', left !== 0);
  }
  document.addEventListener('input', pointsLeft);
  pointsLeft();
})();

// Rank vote: ↑/↓ reorder in place (without JavaScript they submit and the server reorders).
(function rankVote() {
  function renumber(list) {
    Array.prototype.forEach.call(list.children, function (li, i) {
      li.querySelector('.rank-pos').textContent = String(i + 1);
      li.querySelector('input[type="hidden"]').value = String(i + 1);
      var b = li.querySelectorAll('.rank-buttons button');
      b[0].disabled = i === 0;
      b[1].disabled = i === list.children.length - 1;
    });
  }
  // Says where the item went, in the list's live region ("Privacy: now 1 of 5"), from the page's own wording.
  function announceMove(li, list) {
    var status = list.parentElement && list.parentElement.querySelector('[data-rank-status]');
    if (!status) return;
    var position = Array.prototype.indexOf.call(list.children, li) + 1;
    status.textContent = (status.getAttribute('data-template') || '{name}: {position}/{count}')
      .replace('{name}', li.querySelector('.rank-name').textContent)
      .replace('{position}', String(position))
      .replace('{count}', String(list.children.length));
  }
  // Moves the button's item one place and keeps focus on a button of that item, so ↑↑↑ keeps going.
  function moveItem(btn) {
    var li = btn.closest('li');
    var list = li.parentElement;
    var up = btn.value.slice(-3) === ':up';
    if (up && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    if (!up && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
    renumber(list);
    announceMove(li, list);
    var again = li.querySelector('.rank-buttons button[value$="' + (up ? ':up' : ':down') + '"]');
    (again && !again.disabled ? again : li.querySelector('.rank-buttons button:not([disabled])')).focus();
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement)) return;
    var btn = t.closest('.rank-buttons button');
    if (!btn) return;
    e.preventDefault();
    moveItem(btn);
  });
})();

// Copy buttons (e.g. an invitation link): select the field and copy it, with the old API as fallback.
(function copyButtons() {
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement)) return;
    // The rank vote owns clicks on its buttons.
    if (t.closest('.rank-buttons button')) return;
    var copy = t.closest('button[data-copy]');
    if (!copy) return;
    var input = document.getElementById(copy.getAttribute('data-copy'));
    if (!input) return;
    input.select();
    if (navigator.clipboard) navigator.clipboard.writeText(input.value).catch(function () { document.execCommand('copy'); });
    else document.execCommand('copy');
    copy.textContent = '✓';
  });
})();

// Form fields with an error (views/layout.tsx Field): the control names its message
// (aria-describedby) and says it is invalid, whichever page built the control.
(function errorsNamedByInputs() {
  function tie() {
    document.querySelectorAll('.field-error').forEach(function (field) {
      var msg = field.querySelector('.error-text[id]');
      var label = field.querySelector('label[for]');
      var control = label && document.getElementById(label.getAttribute('for'));
      if (!msg || !control) return;
      var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (ids.indexOf(msg.id) < 0) control.setAttribute('aria-describedby', ids.concat(msg.id).join(' '));
      control.setAttribute('aria-invalid', 'true');
    });
  }
  tie();
  document.addEventListener('htmx:after:swap', tie);
})();

// Scoring grid: show the focused criterion's rubric and highlight the level of the current value.
(function rubricPanel() {
  // The rubric as a list of levels on the evaluation's scale, the `current` one marked.
  function levelList(lines, min, max, current) {
    var list = document.createElement('ol');
    lines.forEach(function (line, i) {
      var li = document.createElement('li');
      if (i === current) li.className = 'current';
      var lvl = document.createElement('span');
      lvl.className = 'level';
      var value = lines.length > 1 ? min + (i * (max - min)) / (lines.length - 1) : min;
      lvl.textContent = String(Math.round(value * 100) / 100);
      li.appendChild(lvl);
      li.appendChild(document.createTextNode(' ' + line));
      list.appendChild(li);
    });
    return list;
  }
  function showRubric(input) {
    var panel = document.getElementById('rubric-panel');
    var head = document.getElementById('crit-' + input.dataset.criterion);
    if (!panel || !head) return;
    document.querySelectorAll('.score-grid th.highlight').forEach(function (h) { h.classList.remove('highlight'); });
    head.classList.add('highlight');
    var lines = [];
    try { lines = JSON.parse(head.dataset.rubric || '[]'); } catch (_) { lines = []; }
    var min = parseFloat(panel.dataset.scaleMin), max = parseFloat(panel.dataset.scaleMax);
    var v = parseFloat(String(input.value).replace(',', '.'));
    var current = isNaN(v) || max <= min ? -1 : Math.round(((v - min) / (max - min)) * (lines.length - 1));
    var list = levelList(lines, min, max, current);
    panel.querySelector('.rubric-title').textContent = head.dataset.name || '';
    var desc = document.createElement('p');
    desc.className = 'muted small rubric-body';
    desc.textContent = head.dataset.description || '';
    panel.querySelector('.rubric-body').replaceWith(desc);
    var old = panel.querySelector('ol');
    if (old) old.remove();
    if (lines.length > 0) panel.appendChild(list);
  }
  function onScoreInput(e) {
    var t = e.target;
    if (t instanceof HTMLElement && t.classList.contains('score-input')) showRubric(t);
  }
  document.addEventListener('focusin', onScoreInput);
  document.addEventListener('input', onScoreInput);
  // After htmx swaps a cell the old element is gone; keep the rubric in step with the new one if focused.
  document.addEventListener('htmx:after:swap', function () {
    var a = document.activeElement;
    if (a instanceof HTMLElement && a.classList.contains('score-input')) showRubric(a);
  });
})();

// Scoring grid: Enter/↓ and Shift+Enter/↑ move between rows in the same column; Shift+F2 / Escape open and close a comment.
(function gridKeys() {
  function move(input, dRow) {
    var td = input.closest('td');
    var tr = td && td.parentElement;
    if (!td || !tr) return;
    var col = Array.prototype.indexOf.call(tr.children, td);
    var target = dRow > 0 ? tr.nextElementSibling : tr.previousElementSibling;
    var next = target && target.children[col] && target.children[col].querySelector('.score-input');
    if (next) { next.focus(); if (next.select) next.select(); }
    else input.blur();
  }
  // The comment toggle is out of the Tab order (Tab goes cell to cell, as the help says); Shift+F2
  // opens a cell's comment, as in a spreadsheet, and Escape closes it back to the score.
  function commentKeys(e) {
    var t = e.target;
    if (!(t instanceof HTMLElement)) return false;
    var form = t.closest('.cell-form');
    var details = form && form.querySelector('details.cell-comment');
    if (!details) return false;
    if (e.key === 'F2' && e.shiftKey && t.classList.contains('score-input')) {
      details.open = true;
      details.querySelector('textarea').focus();
      return true;
    }
    if (e.key === 'Escape' && t.tagName === 'TEXTAREA' && details.open) {
      details.open = false;
      form.querySelector('.score-input').focus();
      return true;
    }
    return false;
  }
  document.addEventListener('keydown', function (e) {
    if (commentKeys(e)) { e.preventDefault(); return; }
    var t = e.target;
    if (!(t instanceof HTMLElement) || !t.classList.contains('score-input')) return;
    if (t.tagName === 'SELECT' && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) return;
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(t, e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 1);
    }
  });
})();

// Scoring grid: the grid scrolls inside its own box, whose header row and vendor column stick. If
// the page itself is scrolled so that the box's top (its header) or bottom is out of view, focusing
// a cell brings the whole box back into view (it is never taller than the window).
(function gridInView() {
  document.addEventListener('focusin', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement) || !t.classList.contains('score-input')) return;
    var wrap = t.closest('.grid-wrap');
    if (!wrap) return;
    var r = wrap.getBoundingClientRect();
    if (r.top < 0) window.scrollBy(0, r.top);
    else if (r.bottom > window.innerHeight) window.scrollBy(0, Math.min(r.top, r.bottom - window.innerHeight));
  });
})();

// Vendors, longlist import: follow the server's progress stream (Server-Sent Events) and, at the
// end, fetch the report partial in place of the bar. Without JavaScript the page says to reload.
(function importProgress() {
  // The run is over: show the report in place (or reload the page when htmx cannot).
  function showReport(source) {
    source.close();
    var url = location.pathname + location.search;
    if (window.htmx && htmx.ajax) {
      htmx.ajax('GET', url, { target: '#import-run', swap: 'outerHTML' }).catch(function () { location.reload(); });
    } else {
      location.reload();
    }
  }
  function followImport(box) {
    if (!window.EventSource || box.getAttribute('data-following')) return;
    box.setAttribute('data-following', '1');
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-import-text]');
    var source = new EventSource(box.getAttribute('data-import-events'));
    var finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      showReport(source);
    }
    source.addEventListener('progress', function (e) {
      var p;
      try { p = JSON.parse(e.data); } catch (_) { return; }
      if (bar && p.total > 0) { bar.max = p.total; bar.value = p.done; }
      if (text && p.label) text.textContent = p.label;
    });
    source.addEventListener('result', finish);
    source.addEventListener('failed', finish);
    // A stream the server ended for good (not a dropped connection EventSource retries) ends the wait too.
    source.addEventListener('error', function () { if (source.readyState === EventSource.CLOSED) finish(); });
  }
  function followImports() {
    document.querySelectorAll('[data-import-events]').forEach(followImport);
  }
  followImports();
  document.addEventListener('htmx:after:swap', followImports);
})();

// Vendors, screening: a screen-out reason popover opens one at a time, focuses its reason, closes on Escape.
(function screenMenus() {
  document.addEventListener('toggle', function (e) {
    var d = e.target;
    if (!(d instanceof HTMLDetailsElement) || !d.classList.contains('screen-menu') || !d.open) return;
    document.querySelectorAll('details.screen-menu[open]').forEach(function (o) { if (o !== d) o.open = false; });
    var input = d.querySelector('input[name="reason"]');
    if (input) input.focus();
  }, true);
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var open = document.querySelector('details.screen-menu[open]');
    if (open) { open.open = false; var s = open.querySelector('summary'); if (s) s.focus(); }
  });
})();

// A page a form POST rendered is shown at its own address plus `?shown=<key>` (views/render.ts):
// the address bar drops the key, so a reload (or a bookmark) asks for the page itself.
(function ownAddressAfterPost() {
  var own = document.body.getAttribute('data-page-url');
  if (own && own !== location.pathname + location.search) history.replaceState(null, '', own);
})();

// Tables wider than their box scroll inside it (the phone layout); a keyboard user scrolls such a
// box only once it takes focus, so a box that overflows joins the Tab order as a named region
// (WCAG 2.1.1), and leaves it again when the window grows wide enough.
(function scrollableTables() {
  function nameOf(wrap) {
    var table = wrap.querySelector('table');
    var caption = table && table.querySelector('caption');
    if (table && table.getAttribute('aria-label')) return table.getAttribute('aria-label');
    if (caption) return caption.textContent.trim();
    var el = wrap;
    while (el) {
      var prev = el.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.trim();
        prev = prev.previousElementSibling;
      }
      el = el.parentElement;
      if (el && /^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
    }
    return document.title;
  }
  function mark() {
    document.querySelectorAll('.table-wrap').forEach(function (wrap) {
      // A box with links or inputs inside scrolls as they take focus: one more stop would only slow
      // Tab. Asked first, because measuring a box forces a layout (costly before the big grid's load).
      var scrolls = !wrap.querySelector('a[href], button, input:not([type="hidden"]), select, textarea, summary')
        && (wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1);
      if (scrolls && !wrap.hasAttribute('tabindex')) {
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', nameOf(wrap));
        wrap.setAttribute('data-region-auto', '1');
      } else if (!scrolls && wrap.hasAttribute('data-region-auto')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
        wrap.removeAttribute('data-region-auto');
      }
    });
  }
  mark();
  window.addEventListener('resize', mark);
  document.addEventListener('htmx:after:swap', mark);
  document.addEventListener('toggle', mark, true);
})();
