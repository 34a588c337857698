using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>What a member of the public fills in on /ajukan. Field names match the form's inputs.</summary>
public sealed class PortalRequestForm
{
    public const int NameMax = 150;
    public const int EmailMax = 150;
    public const int PhoneMax = 30;
    public const int BusinessMax = 200;
    public const int DescriptionMin = 20;
    public const int DescriptionMax = 4000;

    public string ApplicantName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public int ServiceTypeId { get; set; }

    public int RegionId { get; set; }

    public string BusinessName { get; set; } = "";

    public string Nib { get; set; } = "";

    public string Description { get; set; } = "";

    public bool Consent { get; set; }

    /// <summary>Field-by-field checks; each broken rule is a resource key the form shows beside the input.</summary>
    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        Required(errors, nameof(ApplicantName), ApplicantName, NameMax);
        Optional(errors, nameof(Email), Email, EmailMax);
        Optional(errors, nameof(Phone), Phone, PhoneMax);
        Optional(errors, nameof(BusinessName), BusinessName, BusinessMax);
        if (ServiceTypeId <= 0)
        {
            errors.Add(new(nameof(ServiceTypeId), "Portal.Validation.Service", []));
        }

        if (RegionId <= 0)
        {
            errors.Add(new(nameof(RegionId), "Portal.Validation.Region", []));
        }

        var description = Description?.Trim() ?? "";
        if (description.Length < DescriptionMin)
        {
            errors.Add(new(nameof(Description), "Portal.Validation.DescriptionShort", [DescriptionMin]));
        }
        else if (description.Length > DescriptionMax)
        {
            errors.Add(new(nameof(Description), "Validation.MaxLength", [DescriptionMax]));
        }

        var nib = Nib?.Trim() ?? "";
        if (nib.Length > 0 && (nib.Length != 13 || !nib.All(char.IsAsciiDigit)))
        {
            errors.Add(new(nameof(Nib), "Portal.Validation.Nib", []));
        }

        var email = Email?.Trim() ?? "";
        var phone = Phone?.Trim() ?? "";
        if (email.Length > 0 && email.Length <= EmailMax && !EmailAddresses.IsValid(email))
        {
            errors.Add(new(nameof(Email), "Validation.Email", []));
        }

        if (phone.Length > 0 && phone.Length <= PhoneMax && !PhoneNumbers.IsValid(phone))
        {
            errors.Add(new(nameof(Phone), "Portal.Validation.WhatsApp", []));
        }

        if (email.Length == 0 && phone.Length == 0)
        {
            errors.Add(new(nameof(Email), "Portal.Validation.ContactRequired", []));
        }

        if (!Consent)
        {
            errors.Add(new(nameof(Consent), "Portal.Validation.Consent", []));
        }

        return errors;
    }

    /// <summary>The same request as the intake records it, on channel Portal with the WhatsApp number normalised.</summary>
    internal TicketIntakeForm ToIntake() => new()
    {
        ApplicantName = ApplicantName.Trim(),
        Email = Email?.Trim() ?? "",
        Phone = string.IsNullOrWhiteSpace(Phone) ? "" : PhoneNumbers.Normalize(Phone),
        ServiceTypeId = ServiceTypeId,
        RegionId = RegionId,
        BusinessName = BusinessName?.Trim() ?? "",
        Nib = Nib?.Trim() ?? "",
        Description = Description.Trim(),
        Channel = TicketChannel.Portal,
    };

    private static void Required(List<CommandError> errors, string field, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(new(field, "Validation.Required", []));
        }
        else if (text.Length > max)
        {
            errors.Add(new(field, "Validation.MaxLength", [max]));
        }
    }

    private static void Optional(List<CommandError> errors, string field, string? value, int max)
    {
        if ((value?.Trim().Length ?? 0) > max)
        {
            errors.Add(new(field, "Validation.MaxLength", [max]));
        }
    }
}
