// The summons banner's sound, and the encounter timer. No inline handlers (the CSP forbids them).
//
// Browsers play sound only after the person has interacted with the site. Signing in is that
// interaction: the sign-in form (data-arm-alert-sound) plays the alert silently once as it is
// sent, which unlocks audio for the site on this device, and remembers that this device wants
// the sound. On every page, the first tap or key press unlocks it again for that page. When a
// new summons appears, the sound plays; if the browser still refuses, the banner shows a "Play
// the alert sound" button instead of failing silently.
(function () {
  "use strict";
  var KEY = "threshold.alertSound";
  var heard = {};
  var audio = null;

  function sound(url) {
    if (!audio && url) {
      audio = new Audio(url);
      audio.preload = "auto";
    }
    return audio;
  }

  function mark(state) {
    document.body.dataset.alertSound = state;
  }

  function unlock(url) {
    var player = sound(url);
    if (!player) {
      return;
    }
    player.muted = true;
    var started = player.play();
    if (started && started.then) {
      started.then(function () {
        player.pause();
        player.currentTime = 0;
        player.muted = false;
      }, function () {
        player.muted = false;
      });
    }
  }

  // At sign-in: arm this device.
  var signIn = document.querySelector("[data-arm-alert-sound]");
  if (signIn) {
    signIn.addEventListener("submit", function () {
      try { window.localStorage.setItem(KEY, "armed"); } catch (e) { /* private mode */ }
      unlock(signIn.dataset.armAlertSound);
    });
  }

  function slot() {
    return document.getElementById("summons-banner");
  }

  // Any page: the first interaction unlocks the sound for this page.
  function firstTouch() {
    var banner = slot();
    if (banner) {
      unlock(banner.dataset.alertSound);
    }
    document.removeEventListener("pointerdown", firstTouch, true);
    document.removeEventListener("keydown", firstTouch, true);
  }
  document.addEventListener("pointerdown", firstTouch, true);
  document.addEventListener("keydown", firstTouch, true);

  function play(banner) {
    var player = sound(banner.dataset.alertSound);
    if (!player) {
      return;
    }
    player.muted = false;
    player.currentTime = 0;
    var started = player.play();
    var button = banner.querySelector("[data-play-alert]");
    if (started && started.then) {
      started.then(function () {
        mark("played");
        if (button) { button.hidden = true; }
      }, function () {
        mark("blocked");
        if (button) { button.hidden = false; }
      });
    }
    if (navigator.vibrate) {
      navigator.vibrate([300, 150, 300, 150, 300]);
    }
  }

  function check() {
    var banner = slot();
    if (!banner) {
      return;
    }
    var fresh = false;
    banner.querySelectorAll("[data-summons]").forEach(function (row) {
      if (!heard[row.dataset.summons]) {
        heard[row.dataset.summons] = true;
        fresh = true;
      }
    });
    if (fresh) {
      play(banner);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-play-alert]");
    if (button) {
      play(slot());
    }
  });
  document.body.addEventListener("htmx:afterSettle", check);
})();

// The encounter's running timer: minutes and seconds since the officer arrived.
(function () {
  "use strict";
  var timer = document.querySelector("[data-timer]");
  if (!timer || timer.hasAttribute("data-stopped")) {
    return;
  }
  var started = Date.now() - parseInt(timer.dataset.elapsed || "0", 10) * 1000;
  function tick() {
    var seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
    var rest = seconds % 60;
    timer.textContent = Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }
  window.setInterval(tick, 1000);
})();
