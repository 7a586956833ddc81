<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
<#if section = "header">${msg("logoutConfirmTitle")}
<#elseif section = "form">
<div id="kc-logout-confirm">
  <p>${msg("logoutConfirmHeader")}</p>
  <form action="${url.logoutConfirmAction}" method="post">
    <input type="hidden" name="session_code" value="${logoutConfirm.code}">
    <input name="confirmLogout" id="kc-logout" type="submit" value="${msg("doLogout")}">
  </form>
  <#if !logoutConfirm.skipLink && (client.baseUrl)?has_content><p class="links"><a href="${client.baseUrl}">${msg("backToApplication")}</a></p></#if>
</div>
</#if>
</@layout.registrationLayout>
