namespace KopUkm.Dashboard;

/// <summary>
/// Marker for the app's one resource set: Resources/SharedResource.resx (Bahasa Indonesia, the default) and
/// SharedResource.en.resx (English).
/// </summary>
public sealed class SharedResource;
