// The host page's side of embedding, for docs sites that can add one line:
//   <script src="https://CALCULATOR-SITE/embed-host.js" async></script>
// It sizes every epochcost frame on the page (an <iframe> whose src is on
// this script's site) to the height the frame posts, {type:
// 'epochcost:height', height, scheme}: no inner scrollbar and no empty
// space, and the frame's colour scheme on its element. A
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
        // The frame's colour scheme on its element too: where they differ,
        // Chromium paints an opaque backdrop instead of the host's background.
        if (data.scheme === 'light' || data.scheme === 'dark') list[i].style.colorScheme = data.scheme;
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
}());
