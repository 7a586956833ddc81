<#import "template.ftl" as layout>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#import "register-commons.ftl" as registerCommons>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
<#if section = "header"><#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${msg("registerTitle")}</#if>
<#elseif section = "form">
<form id="kc-register-form" action="${url.registrationAction}" method="post" novalidate>
  <@userProfileCommons.userProfileFormFields; callback, attribute>
    <#-- the password just under the user name (or the e-mail when it is the user name) -->
    <#if callback = "afterField" && passwordRequired?? && (attribute.name == 'username' || (attribute.name == 'email' && realm.registrationEmailAsUsername))>
    <label for="password">${msg("password")} *</label>
    <#-- the policy's rules before the person types (realm-sdn.json passwordPolicy; RealmFileTest keeps them together) -->
    <p id="password-hint" class="hint">${msg("sdnPasswordHint")}</p>
    <input type="password" id="password" name="password" autocomplete="new-password" dir="ltr" aria-describedby="password-hint"
      aria-invalid="<#if messagesPerField.existsError('password','password-confirm')>true</#if>">
    <#if messagesPerField.existsError('password')><span id="input-error-password" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('password'))?no_esc}</span></#if>
    <label for="password-confirm">${msg("passwordConfirm")} *</label>
    <input type="password" id="password-confirm" name="password-confirm" autocomplete="new-password" dir="ltr"
      aria-invalid="<#if messagesPerField.existsError('password-confirm')>true</#if>">
    <#if messagesPerField.existsError('password-confirm')><span id="input-error-password-confirm" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('password-confirm'))?no_esc}</span></#if>
    </#if>
  </@userProfileCommons.userProfileFormFields>
  <@registerCommons.termsAcceptance/>
  <div id="kc-consent" class="card">
    <strong>${msg("sdnConsentTitle")}</strong>
    <p>${msg("sdnConsentText")}</p>
  </div>
  <input id="kc-register" type="submit" value="${msg("doRegister")}">
</form>
<p class="links"><a href="${url.loginUrl}">${msg("backToLogin")}</a></p>
</#if>
</@layout.registrationLayout>
