import Foundation

/// A JSON value, parsed exactly (integers stay integers), for checking documents against a schema.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a complete JSON text; `nil` when it is not valid JSON.
    static func parse(_ text: String) -> JSONValue? {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.scalars.count ? value : nil
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        mutating func value() -> JSONValue? {
            skipSpace()
            guard index < scalars.count else { return nil }
            switch scalars[index] {
            case "{": return object()
            case "[": return array()
            case "\"": return string().map(JSONValue.string)
            case "t": return literal("true", .bool(true))
            case "f": return literal("false", .bool(false))
            case "n": return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
            let word = Array(word.unicodeScalars)
            guard index + word.count <= scalars.count, Array(scalars[index..<index + word.count]) == word
            else {
                return nil
            }
            index += word.count
            return value
        }

        mutating func number() -> JSONValue? {
            let start = index
            while index < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[index]) {
                index += 1
            }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            if let integer = Int(text) { return .integer(integer) }
            return Double(text).map(JSONValue.number)
        }

        mutating func string() -> String? {
            index += 1
            var result = String.UnicodeScalarView()
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" { return String(result) }
                if scalar == "\\" {
                    guard index < scalars.count else { return nil }
                    let escape = scalars[index]
                    index += 1
                    switch escape {
                    case "n": result.append("\n")
                    case "r": result.append("\r")
                    case "t": result.append("\t")
                    case "b": result.append("\u{8}")
                    case "f": result.append("\u{C}")
                    case "u":
                        guard index + 4 <= scalars.count,
                            let code = UInt32(
                                String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16),
                            let decoded = Unicode.Scalar(code)
                        else { return nil }
                        result.append(decoded)
                        index += 4
                    default: result.append(escape)
                    }
                } else {
                    result.append(scalar)
                }
            }
            return nil
        }

        mutating func array() -> JSONValue? {
            index += 1
            var elements: [JSONValue] = []
            skipSpace()
            if index < scalars.count, scalars[index] == "]" {
                index += 1
                return .array(elements)
            }
            while true {
                guard let element = value() else { return nil }
                elements.append(element)
                skipSpace()
                guard index < scalars.count else { return nil }
                index += 1
                if scalars[index - 1] == "]" { return .array(elements) }
                if scalars[index - 1] != "," { return nil }
            }
        }

        mutating func object() -> JSONValue? {
            index += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if index < scalars.count, scalars[index] == "}" {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < scalars.count, scalars[index] == "\"", let key = string() else { return nil }
                skipSpace()
                guard index < scalars.count, scalars[index] == ":" else { return nil }
                index += 1
                guard let element = value() else { return nil }
                members[key] = element
                skipSpace()
                guard index < scalars.count else { return nil }
                index += 1
                if scalars[index - 1] == "}" { return .object(members) }
                if scalars[index - 1] != "," { return nil }
            }
        }
    }
}

/// Checks a document against the JSON Schema keywords victrend's schema uses: `type`, `const`, `enum`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `$ref` (to `#/$defs/...`),
/// `oneOf` and `pattern`. Returns every violation with its JSON path.
struct JSONSchemaCheck {
    let root: JSONValue

    func violations(of value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let rules) = schema else { return [] }
        var found: [String] = []
        if case .string(let reference)? = rules["$ref"] {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard case .object(let top) = root, case .object(let definitions)? = top["$defs"],
                let target = definitions[name]
            else { return ["\(path): unresolved \(reference)"] }
            return violations(of: value, against: target, at: path)
        }
        if case .array(let options)? = rules["oneOf"] {
            let passing = options.filter { violations(of: value, against: $0, at: path).isEmpty }.count
            if passing != 1 { found.append("\(path): matches \(passing) of oneOf") }
        }
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names):
                allowed = names.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                found.append("\(path): \(value) is not \(allowed.joined(separator: "/"))")
            }
        }
        if let constant = rules["const"], constant != value {
            found.append("\(path): \(value) is not \(constant)")
        }
        if case .array(let choices)? = rules["enum"], !choices.contains(value) {
            found.append("\(path): \(value) is not one of \(choices)")
        }
        if case .string(let pattern)? = rules["pattern"], case .string(let text) = value,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if case .object(let members) = value {
            if case .array(let required)? = rules["required"] {
                for case .string(let key) in required where members[key] == nil {
                    found.append("\(path): no \(key)")
                }
            }
            let properties: [String: JSONValue]
            if case .object(let declared)? = rules["properties"] {
                properties = declared
            } else {
                properties = [:]
            }
            for (key, member) in members {
                if let rule = properties[key] {
                    found += violations(of: member, against: rule, at: "\(path).\(key)")
                } else if rules["additionalProperties"] == .bool(false) {
                    found.append("\(path): unexpected \(key)")
                }
            }
        }
        if case .array(let elements) = value, let items = rules["items"] {
            for (index, element) in elements.enumerated() {
                found += violations(of: element, against: items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer),
            ("number", .number),
            ("string", .string), ("array", .array), ("object", .object):
            return true
        default:
            return false
        }
    }
}
