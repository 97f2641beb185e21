/// The regions a heatmap groups its countries into (`group: region`), in the
/// order they are shown: how articles talk about a title's reach ("best in
/// the Nordics and Eastern Europe").
public enum Region: String, Sendable, CaseIterable {
    case nordics, westernEurope, easternEurope, northAmerica, latinAmerica, asiaPacific, middleEastAfrica

    /// The heading of the region's rows.
    public var name: String {
        switch self {
        case .nordics: return "Nordics"
        case .westernEurope: return "Western Europe"
        case .easternEurope: return "Eastern Europe"
        case .northAmerica: return "North America"
        case .latinAmerica: return "Latin America & Caribbean"
        case .asiaPacific: return "Asia-Pacific"
        case .middleEastAfrica: return "Middle East & Africa"
        }
    }

    /// The countries of each region, by ISO code: every country of
    /// ``Countries/names`` in exactly one region (a test checks it).
    static let members: [Region: [String]] = [
        .nordics: ["DK", "FI", "IS", "NO", "SE"],
        .westernEurope: ["AT", "BE", "CH", "CY", "DE", "ES", "FR", "GB", "GR", "IE", "IT", "LU", "MT", "NL", "PT"],
        .easternEurope: ["BG", "CZ", "EE", "HR", "HU", "LT", "LV", "PL", "RO", "RS", "RU", "SI", "SK", "UA"],
        .northAmerica: ["CA", "US"],
        .latinAmerica: ["AR", "BO", "BR", "BS", "CL", "CO", "CR", "DO", "EC", "GP", "GT", "HN", "JM", "MQ", "MX",
                        "NI", "PA", "PE", "PY", "SV", "TT", "UY", "VE"],
        .asiaPacific: ["AU", "BD", "HK", "ID", "IN", "JP", "KR", "LK", "MV", "MY", "NC", "NZ", "PH", "PK", "SG",
                       "TH", "TW", "VN"],
        .middleEastAfrica: ["AE", "BH", "EG", "IL", "JO", "KE", "KW", "LB", "MA", "MU", "NG", "OM", "QA", "RE",
                            "SA", "TR", "ZA"],
    ]

    /// The region of each country code.
    static let byCountry: [String: Region] = {
        var result: [String: Region] = [:]
        for (region, codes) in members {
            for code in codes { result[code] = region }
        }
        return result
    }()
}
