// Starts allauth's WebAuthn forms (mfa/js/webauthn.js) from data- attributes, so that the pages hold
// no inline script, not even allauth's JSON blocks. data-passkey names the form (login, authenticate,
// add), data-passkey-ids the elements it uses, data-passkey-data the server's options when the page
// carries them. A passkey that cannot be used is said in the page's .passkey-error box.
(function () {
  'use strict'

  document.addEventListener('allauth.error', function (event) {
    const box = document.querySelector('.passkey-error')
    if (!box) return
    event.preventDefault()
    box.textContent = 'The passkey could not be used (' + (event.detail.exception.message || 'cancelled') +
      '). Try again, or use your password or authenticator app.'
    box.hidden = false
  })

  document.addEventListener('DOMContentLoaded', function () {
    const forms = window.allauth && window.allauth.webauthn && window.allauth.webauthn.forms
    if (!forms) return
    document.querySelectorAll('[data-passkey]').forEach(function (element) {
      const start = forms[element.dataset.passkey + 'Form']
      if (!start) return
      const options = { ids: JSON.parse(element.dataset.passkeyIds) }
      if (element.dataset.passkeyData) options.data = JSON.parse(element.dataset.passkeyData)
      start(options)
    })
  })
})()
