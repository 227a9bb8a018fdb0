namespace EmbeddedEcho.Greeting;

/// <summary>The greeter's settings: section <c>Greeter</c> of the application's configuration (appsettings.json).</summary>
internal sealed class GreeterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Greeter";

    /// <summary>The word a greeting starts with.</summary>
    public string Salutation { get; set; } = "hello";
}
