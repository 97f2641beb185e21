/// The countries for which Netflix publishes a weekly Top 10, by ISO 3166-1 alpha-2 code.
///
/// Generated from Netflix's all-weeks-countries.tsv: a code outside this list in a data
/// file is almost always a typo, so it is rejected.
public enum Countries {
    /// Country names by code.
    public static let names: [String: String] = [
        "AE": "United Arab Emirates",
        "AR": "Argentina",
        "AT": "Austria",
        "AU": "Australia",
        "BD": "Bangladesh",
        "BE": "Belgium",
        "BG": "Bulgaria",
        "BH": "Bahrain",
        "BO": "Bolivia",
        "BR": "Brazil",
        "BS": "Bahamas",
        "CA": "Canada",
        "CH": "Switzerland",
        "CL": "Chile",
        "CO": "Colombia",
        "CR": "Costa Rica",
        "CY": "Cyprus",
        "CZ": "Czech Republic",
        "DE": "Germany",
        "DK": "Denmark",
        "DO": "Dominican Republic",
        "EC": "Ecuador",
        "EE": "Estonia",
        "EG": "Egypt",
        "ES": "Spain",
        "FI": "Finland",
        "FR": "France",
        "GB": "United Kingdom",
        "GP": "Guadeloupe",
        "GR": "Greece",
        "GT": "Guatemala",
        "HK": "Hong Kong",
        "HN": "Honduras",
        "HR": "Croatia",
        "HU": "Hungary",
        "ID": "Indonesia",
        "IE": "Ireland",
        "IL": "Israel",
        "IN": "India",
        "IS": "Iceland",
        "IT": "Italy",
        "JM": "Jamaica",
        "JO": "Jordan",
        "JP": "Japan",
        "KE": "Kenya",
        "KR": "South Korea",
        "KW": "Kuwait",
        "LB": "Lebanon",
        "LK": "Sri Lanka",
        "LT": "Lithuania",
        "LU": "Luxembourg",
        "LV": "Latvia",
        "MA": "Morocco",
        "MQ": "Martinique",
        "MT": "Malta",
        "MU": "Mauritius",
        "MV": "Maldives",
        "MX": "Mexico",
        "MY": "Malaysia",
        "NC": "New Caledonia",
        "NG": "Nigeria",
        "NI": "Nicaragua",
        "NL": "Netherlands",
        "NO": "Norway",
        "NZ": "New Zealand",
        "OM": "Oman",
        "PA": "Panama",
        "PE": "Peru",
        "PH": "Philippines",
        "PK": "Pakistan",
        "PL": "Poland",
        "PT": "Portugal",
        "PY": "Paraguay",
        "QA": "Qatar",
        "RE": "Réunion",
        "RO": "Romania",
        "RS": "Serbia",
        "RU": "Russia",
        "SA": "Saudi Arabia",
        "SE": "Sweden",
        "SG": "Singapore",
        "SI": "Slovenia",
        "SK": "Slovakia",
        "SV": "El Salvador",
        "TH": "Thailand",
        "TR": "Turkey",
        "TT": "Trinidad and Tobago",
        "TW": "Taiwan",
        "UA": "Ukraine",
        "US": "United States",
        "UY": "Uruguay",
        "VE": "Venezuela",
        "VN": "Vietnam",
        "ZA": "South Africa",
    ]

    /// Codes people write that ISO does not use for these countries.
    static let aliases = ["UK": "GB", "EL": "GR"]

    /// " (did you mean 'GB'?)" for a code not in the list: the ISO code for a
    /// known alias (UK is GB), else the closest code; empty when none is close.
    public static func hint(for code: String) -> String {
        if let alias = aliases[code.uppercased()] { return " (did you mean '\(alias)'?)" }
        return Suggestion.hint(for: code.uppercased(), in: names.keys.sorted())
    }

    /// The display name for a code, or the code itself when unknown.
    public static func name(of code: String) -> String { names[code] ?? code }

    /// The region a country's row is grouped under (`group: region`).
    public static func region(of code: String) -> Region? { Region.byCountry[code] }
}
