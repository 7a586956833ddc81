<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
<#if section = "header">${msg("emailVerifyTitle")}
<#elseif section = "form">
<p id="kc-verify-email" class="instruction"><#if verifyEmail??>${msg("emailVerifyInstruction1",verifyEmail)}<#else>${msg("emailVerifyInstruction4",user.email)}</#if></p>
<#if isAppInitiatedAction??>
<form id="kc-verify-email-form" action="${url.loginAction}" method="post">
  <input type="submit" value="<#if verifyEmail??>${msg("emailVerifyResend")}<#else>${msg("emailVerifySend")}</#if>">
  <button class="secondary" type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
</form>
</#if>
<#elseif section = "info">
<#if !isAppInitiatedAction??><p>${msg("emailVerifyInstruction2")} <a id="kc-resend-email" href="${url.loginAction}">${msg("doClickHere")}</a> ${msg("emailVerifyInstruction3")}</p></#if>
</#if>
</@layout.registrationLayout>
