namespace KopUkm.Dashboard.Components.Layout;

/// <summary>
/// Marks a static public page that needs neither the Blazor script nor MudBlazor's CSS and JS: <c>App</c> then sends
/// only the public stylesheet, so the page stays small on a phone. Only pages whose markup is plain HTML (no Mud
/// components, no interactive parts, no enhanced forms) may carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class LightPublicPageAttribute : Attribute;
