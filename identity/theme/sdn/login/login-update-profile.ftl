<#import "template.ftl" as layout>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#-- Keycloak's own "update profile" page. The delegation (country) is fixed when the person signs up
     (decision 0011): it is shown as words, never as a field; only an organizer moves a person. The hidden
     input sends the stored value back, which the realm's validator accepts; a tampered one is refused. -->
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true; section>
<#if section = "header">${msg("loginProfileTitle")}
<#elseif section = "form">
<form id="kc-update-profile-form" action="${url.loginAction}" method="post" novalidate>
  <#list profile.attributes as attribute>
    <#if attribute.name == 'locale' && realm.internationalizationEnabled && locale.currentLanguageTag?has_content>
    <input type="hidden" id="locale" name="locale" value="${locale.currentLanguageTag}">
    <#elseif attribute.name == 'country'>
    <div id="sdn-country" class="card">
      <strong>${advancedMsg(attribute.displayName!'')}</strong> :
      <#if (attribute.value!'')?has_content>${advancedMsg((attribute.annotations.inputOptionLabels[attribute.value])!attribute.value)}<#else>—</#if>
      <p class="hint">${msg("sdnCountryFixed")}</p>
      <input type="hidden" id="country" name="country" value="${attribute.value!''}">
      <#if messagesPerField.existsError('country')><span id="input-error-country" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('country'))?no_esc}</span></#if>
    </div>
    <#else>
    <label for="${attribute.name}">${advancedMsg(attribute.displayName!'')}<#if attribute.required> *</#if></label>
    <@userProfileCommons.inputFieldByType attribute=attribute/>
    <#if messagesPerField.existsError('${attribute.name}')><span id="input-error-${attribute.name}" class="field-error" aria-live="polite">${kcSanitize(messagesPerField.get('${attribute.name}'))?no_esc}</span></#if>
    </#if>
  </#list>
  <input type="submit" value="${msg("doSubmit")}">
  <#if isAppInitiatedAction??>
  <button type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
  </#if>
</form>
</#if>
</@layout.registrationLayout>
