<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#if section = "header">${kcSanitize(msg("errorTitle"))?no_esc}
<#elseif section = "form">
<div id="kc-error-message">
  <p class="alert alert-error">${kcSanitize(message.summary)?no_esc}</p>
  <#if !skipLink?? && client?? && client.baseUrl?has_content><p><a id="backToApplication" class="button" href="${client.baseUrl}">${msg("backToApplication")}</a></p></#if>
</div>
</#if>
</@layout.registrationLayout>
