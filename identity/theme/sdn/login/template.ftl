<#-- Every sign-in page: the portal's header, one style sheet, no script (plain links and forms work everywhere). -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow">
<title><#nested "header"> · ${msg("sdnName")}</title>
<link rel="icon" href="data:,">
<#if properties.styles?has_content><#list properties.styles?split(' ') as style><link href="${url.resourcesPath}/${style}" rel="stylesheet"></#list></#if>
</head>
<body data-page-id="login-${pageId}">
<header class="top">
  <div class="brand">${msg("sdnName")}<span>${msg("sdnTagline")}</span></div>
  <#if realm.internationalizationEnabled && locale.supported?size gt 1>
    <#list locale.supported as l><#if l.languageTag != locale.currentLanguageTag><a class="lang" lang="${l.languageTag}" hreflang="${l.languageTag}" href="${l.url}">${msg("sdnLanguage_" + l.languageTag)}</a></#if></#list>
  </#if>
</header>
<main id="kc-content">
  <h1 id="kc-page-title"><#nested "header"></h1>
  <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
    <p id="kc-username" class="muted"><span id="kc-attempted-username">${auth.attemptedUsername}</span>
      · <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a></p>
  </#if>
  <#if displayRequiredFields><p class="hint">${msg("sdnRequiredFields")}</p></#if>
  <#-- Actions started by the application do not repeat the warning that asked for them. -->
  <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
    <p class="alert alert-${message.type}" role="<#if message.type = 'error'>alert<#else>status</#if>">${kcSanitize(message.summary)?no_esc}</p>
  </#if>
  <#nested "form">
  <#if auth?has_content && auth.showTryAnotherWayLink()>
    <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
      <input type="hidden" name="tryAnotherWay" value="on">
      <button type="submit" class="secondary">${msg("doTryAnotherWay")}</button>
    </form>
  </#if>
  <#nested "socialProviders">
  <#if displayInfo><div id="kc-info" class="card"><#nested "info"></div></#if>
</main>
<footer>${msg("sdnFooter")}</footer>
</body>
</html>
</#macro>
