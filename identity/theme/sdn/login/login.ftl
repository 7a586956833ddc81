<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
<#if section = "header">${msg("loginAccountTitle")}
<#elseif section = "form">
<#if realm.password>
<form id="kc-form-login" action="${url.loginAction}" method="post" novalidate>
  <#if !usernameHidden??>
  <label for="username"><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></label>
  <input id="username" name="username" value="${(login.username!'')}" type="text" autocomplete="username" autocapitalize="none" dir="ltr" autofocus
    aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>"<#if messagesPerField.existsError('username','password')> aria-describedby="input-error"</#if>>
  </#if>
  <label for="password">${msg("password")}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" dir="ltr"
    aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>"<#if messagesPerField.existsError('username','password')> aria-describedby="input-error"</#if>>
  <#if messagesPerField.existsError('username','password')>
  <span id="input-error" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.getFirstError('username','password'))?no_esc}</span>
  </#if>
  <#if realm.rememberMe && !usernameHidden??>
  <label class="check"><input id="rememberMe" name="rememberMe" type="checkbox"<#if login.rememberMe??> checked</#if>> ${msg("rememberMe")}</label>
  </#if>
  <input type="hidden" id="id-hidden-input" name="credentialId"<#if auth.selectedCredential?has_content> value="${auth.selectedCredential}"</#if>>
  <input name="login" id="kc-login" type="submit" value="${msg("doLogIn")}">
</form>
<#if realm.resetPasswordAllowed>
<p class="links"><a id="kc-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
</#if>
</#if>
<#elseif section = "info">
<#if realm.password && realm.registrationAllowed && !registrationDisabled??>
<#-- From the portal (client sdn-gateway), "Créer un compte" goes through the gateway's /signup, as the portal's own
     button does: the gateway then remembers the sign-up and the new person lands on the profile form. Other clients
     keep Keycloak's registration page. -->
<#if client?? && client.clientId == "sdn-gateway" && client.baseUrl?has_content>
<p id="kc-registration">${msg("noAccount")} <a href="${client.baseUrl?remove_ending("/")}/signup">${msg("doRegister")}</a></p>
<#else>
<p id="kc-registration">${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></p>
</#if>
</#if>
</#if>
</@layout.registrationLayout>
