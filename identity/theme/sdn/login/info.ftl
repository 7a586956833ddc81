<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#if section = "header"><#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${message.summary}</#if>
<#elseif section = "form">
<div id="kc-info-message">
  <p class="instruction">${message.summary}<#if requiredActions??><#list requiredActions>: <b><#items as reqActionItem>${kcSanitize(msg("requiredAction.${reqActionItem}"))?no_esc}<#sep>, </#items></b></#list></#if></p>
  <#if !skipLink??>
    <#if pageRedirectUri?has_content><p><a class="button" href="${pageRedirectUri}">${msg("backToApplication")}</a></p>
    <#elseif actionUri?has_content><p><a class="button" href="${actionUri}">${msg("proceedWithAction")}</a></p>
    <#elseif (client.baseUrl)?has_content><p><a class="button" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
    </#if>
  </#if>
</div>
</#if>
</@layout.registrationLayout>
