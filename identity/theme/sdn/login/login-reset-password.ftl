<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('username'); section>
<#if section = "header">${msg("emailForgotTitle")}
<#elseif section = "form">
<form id="kc-reset-password-form" action="${url.loginAction}" method="post" novalidate>
  <label for="username"><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></label>
  <input type="text" id="username" name="username" autofocus autocapitalize="none" dir="ltr" value="${(auth.attemptedUsername!'')}"
    aria-invalid="<#if messagesPerField.existsError('username')>true</#if>">
  <#if messagesPerField.existsError('username')><span id="input-error-username" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('username'))?no_esc}</span></#if>
  <input id="kc-reset-password" type="submit" value="${msg("doSubmit")}">
</form>
<p class="links"><a href="${url.loginUrl}">${msg("backToLogin")}</a></p>
<#elseif section = "info"><#if realm.duplicateEmailsAllowed>${msg("emailInstructionUsername")}<#else>${msg("emailInstruction")}</#if>
</#if>
</@layout.registrationLayout>
