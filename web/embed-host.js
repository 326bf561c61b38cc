// The host page's side of embedding, for docs sites that can add one line:
//   <script src="https://CALCULATOR-SITE/embed-host.js" async></script>
// It sizes every epochcost frame on the page (an <iframe> whose src is on
// this script's site) to the height the frame posts, {type:
// 'epochcost:height', height}: no inner scrollbar and no empty space, and
// the scheme of the background behind it on its element (see below). A
// plain script, not a module: docs generators add scripts by URL only.
(function sizeEpochcostFrames() {
  var script = document.currentScript;
  if (!script || window.epochcostHost) return; // added twice: once is enough
  window.epochcostHost = true;
  var origin = new URL(script.src, window.location.href).origin;

  function frames() {
    var list = [];
    var all = document.getElementsByTagName('iframe');
    for (var i = 0; i < all.length; i += 1) {
      var src = all[i].getAttribute('src');
      if (src && new URL(src, window.location.href).origin === origin) list.push(all[i]);
    }
    return list;
  }

  // Whether the background behind a frame is dark or light, as its
  // element's color-scheme. The frame paints no background of its own;
  // Chromium shows the host's through it when this matches the frame's
  // scheme, and paints the frame's canvas when not (a dark embed on a light
  // page stays legible). A page that declares no color-scheme would
  // otherwise count as light even when its own CSS makes it dark.
  function schemeBehind(frame) {
    for (var el = frame.parentElement; el; el = el.parentElement) {
      var rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(getComputedStyle(el).backgroundColor);
      if (rgba && (rgba[4] === undefined || Number(rgba[4]) >= 0.5)) {
        var light = 0.2126 * rgba[1] + 0.7152 * rgba[2] + 0.0722 * rgba[3];
        return light < 128 ? 'dark' : 'light';
      }
    }
    // No background at all: the canvas, dark only under a dark color-scheme.
    var declared = getComputedStyle(document.documentElement).colorScheme || '';
    var dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    return /dark/.test(declared) && (dark || !/light/.test(declared)) ? 'dark' : 'light';
  }

  window.addEventListener('message', function onMessage(event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'epochcost:height') return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 20000)) return;
    var list = frames();
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].contentWindow === event.source) {
        list[i].style.height = height + 'px';
        list[i].setAttribute('height', String(height));
        list[i].style.colorScheme = schemeBehind(list[i]);
      }
    }
  });

  // A frame that loaded before this script ran has posted already: ask again.
  // '*': a frame still on about:blank would refuse the calculator's origin
  // (and the browser would log it); the message holds nothing private.
  function hello() {
    var list = frames();
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].contentWindow) list[i].contentWindow.postMessage({ type: 'epochcost:hello' }, '*');
    }
  }
  hello();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hello);
  // A page that follows the reader's scheme changes its background with it.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function rescheme() {
    var list = frames();
    for (var i = 0; i < list.length; i += 1) list[i].style.colorScheme = schemeBehind(list[i]);
  });
}());
