<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<#if section = "header">${msg("updatePasswordTitle")}
<#elseif section = "form">
<form id="kc-passwd-update-form" action="${url.loginAction}" method="post" novalidate>
  <label for="password-new">${msg("passwordNew")}</label>
  <p id="password-hint" class="hint">${msg("sdnPasswordHint")}</p>
  <input type="password" id="password-new" name="password-new" autofocus autocomplete="new-password" dir="ltr" aria-describedby="password-hint"
    aria-invalid="<#if messagesPerField.existsError('password','password-confirm')>true</#if>">
  <#if messagesPerField.existsError('password')><span id="input-error-password" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('password'))?no_esc}</span></#if>
  <label for="password-confirm">${msg("passwordConfirm")}</label>
  <input type="password" id="password-confirm" name="password-confirm" autocomplete="new-password" dir="ltr"
    aria-invalid="<#if messagesPerField.existsError('password-confirm')>true</#if>">
  <#if messagesPerField.existsError('password-confirm')><span id="input-error-password-confirm" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('password-confirm'))?no_esc}</span></#if>
  <label class="check"><input type="checkbox" id="logout-sessions" name="logout-sessions" value="on" checked> ${msg("logoutOtherSessions")}</label>
  <input id="kc-update-password" name="login" type="submit" value="${msg("doSubmit")}">
  <#if isAppInitiatedAction??><button class="secondary" type="submit" name="cancel-aia" value="true">${msg("doCancel")}</button></#if>
</form>
</#if>
</@layout.registrationLayout>
