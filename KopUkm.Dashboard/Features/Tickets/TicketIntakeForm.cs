using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>What the quick intake form (walk-in, phone) and other channels record for a new ticket.</summary>
public sealed class TicketIntakeForm
{
    public string ApplicantName { get; set; } = "";

    public string BusinessName { get; set; } = "";

    public string Nib { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public int? RegionId { get; set; }

    public SmeSize Size { get; set; } = SmeSize.BelumDiketahui;

    public int ServiceTypeId { get; set; }

    public TicketChannel Channel { get; set; } = TicketChannel.DatangLangsung;

    public string LaporTrackingNumber { get; set; } = "";

    public WorkPriority Priority { get; set; } = WorkPriority.Normal;

    public string Description { get; set; } = "";

    /// <summary>Field-by-field checks; each broken rule is a resource key the form shows beside the input.</summary>
    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        if (string.IsNullOrWhiteSpace(ApplicantName))
        {
            errors.Add(new(nameof(ApplicantName), "Validation.Required", []));
        }

        if (ServiceTypeId <= 0)
        {
            errors.Add(new(nameof(ServiceTypeId), "Validation.Required", []));
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            errors.Add(new(nameof(Description), "Validation.Required", []));
        }

        if (!string.IsNullOrWhiteSpace(Nib) && (Nib.Trim().Length != 13 || !Nib.Trim().All(char.IsAsciiDigit)))
        {
            errors.Add(new(nameof(Nib), "Cooperatives.NibFormat", []));
        }

        if (!string.IsNullOrWhiteSpace(Phone) && !PhoneNumbers.IsValid(Phone))
        {
            errors.Add(new(nameof(Phone), "Validation.Phone", []));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !EmailAddresses.IsValid(Email))
        {
            errors.Add(new(nameof(Email), "Validation.Email", []));
        }

        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new(nameof(Phone), "Tickets.ContactRequired", []));
        }

        if (Channel == TicketChannel.Lapor && string.IsNullOrWhiteSpace(LaporTrackingNumber))
        {
            errors.Add(new(nameof(LaporTrackingNumber), "Tickets.LaporNumberRequired", []));
        }

        return errors;
    }
}
