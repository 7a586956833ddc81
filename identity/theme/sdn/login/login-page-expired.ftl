<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<#if section = "header">${msg("pageExpiredTitle")}
<#elseif section = "form">
<p id="instruction1">${msg("pageExpiredMsg1")} <a id="loginRestartLink" href="${url.loginRestartFlowUrl}">${msg("doClickHere")}</a>.</p>
<p>${msg("pageExpiredMsg2")} <a id="loginContinueLink" href="${url.loginAction}">${msg("doClickHere")}</a>.</p>
</#if>
</@layout.registrationLayout>
