/// The names of the country, year and count columns in the participants' languages (de, fr, es, it,
/// nl, pl, pt, sv, cs), written in normal form (`ColumnMapping.normalise`: lower case, blanks as `_`).
///
/// Tried only when no English or code name of the role is in the header (`ColumnMapping.Role
/// .fallbackAliases`), so `Land;Jahr;Anzahl` from a German Excel is read without options, and a header
/// with both `country` and `Land` takes `country`. Two of them for one role is VT011, as for the English
/// names. Only words that name nothing else in a table of yearly counts are listed: `Nombre`/`Número`
/// (number) are counts, `Land`/`Pays` countries; `Wert`/`Valeur` (value) too, as `value` is in English.
/// Static data: nothing is built when a file's header is English.
enum HeaderNames {
    static let country = [
        // de
        "land", "staat",
        // fr
        "pays",
        // es, pt
        "país", "pais",
        // it
        "paese",
        // nl, sv: land (as de)
        // pl
        "państwo", "kraj",
        // cs
        "stát", "země",
    ]

    static let year = [
        // de, fr, es, it, pl/cs, pt, sv/nl
        "jahr", "année", "annee", "año", "ano", "anno", "rok", "år", "jaar",
    ]

    static let count = [
        // de
        "anzahl", "identifizierte_opfer", "opfer", "wert",
        // fr
        "nombre", "victimes_identifiées", "victimes", "valeur",
        // es
        "número", "numero", "víctimas_identificadas", "víctimas", "valor",
        // it
        "vittime_identificate", "vittime", "valore",
        // nl
        "aantal", "geïdentificeerde_slachtoffers", "slachtoffers", "waarde",
        // pl
        "liczba", "zidentyfikowane_ofiary", "ofiary", "wartość",
        // pt
        "vítimas_identificadas", "vítimas",
        // sv
        "antal", "identifierade_offer", "offer", "värde",
        // cs
        "počet", "identifikované_oběti", "oběti", "hodnota",
    ]
}
