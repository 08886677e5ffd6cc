// Word lists for realistic demo data.
export const FIRST_NAMES = [
  "Emma", "Louis", "Chloé", "Gabriel", "Léa", "Hugo", "Manon", "Arthur", "Camille", "Jules", "Sofia", "Lucas",
  "Olivia", "Noah", "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Leon", "Hannah", "Felix",
  "Lena", "Paul", "Marie", "Jonas", "Giulia", "Marco", "Chiara", "Luca", "Lucía", "Mateo", "Martina", "Pablo",
  "Sanne", "Daan", "Julia", "Bram", "Zofia", "Jakub", "Inês", "Tiago", "Nora", "Elias", "Alice", "Victor",
];

export const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Laurent", "Smith",
  "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Müller", "Schmidt", "Schneider", "Fischer", "Weber",
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "García", "Fernández", "López", "Martínez", "de Jong",
  "Jansen", "de Vries", "Kowalski", "Nowak", "Silva", "Santos", "Ferreira", "Novák", "Johansson", "Andersen",
];

export const COMPANY_WORDS = [
  "Atelier", "Nordic", "Bright", "Green", "Blue", "Urban", "Alpine", "Coastal", "Golden", "Silver", "Maple",
  "Harbor", "Summit", "Pixel", "Craft", "Fresh", "Solar", "River", "Oak", "Cedar", "Lumen", "Vertex", "Nova",
];

export const COMPANY_KINDS = [
  "Studio", "Bakery", "Cycles", "Design", "Furniture", "Ceramics", "Books", "Coffee", "Textiles", "Labs",
  "Gardens", "Optics", "Records", "Outdoor", "Kitchens", "Energy", "Ventures", "Farms", "Works", "Apparel",
];

export const COMPANY_SUFFIX = ["SAS", "SARL", "Ltd", "GmbH", "BV", "SRL", "SL", "Inc.", "Sp. z o.o.", "Lda"];

export const CITIES: ReadonlyArray<{ city: string; country: string; postal: string; currency: string }> = [
  { city: "Paris", country: "FR", postal: "75011", currency: "EUR" },
  { city: "Lyon", country: "FR", postal: "69002", currency: "EUR" },
  { city: "Berlin", country: "DE", postal: "10115", currency: "EUR" },
  { city: "Munich", country: "DE", postal: "80331", currency: "EUR" },
  { city: "Milan", country: "IT", postal: "20121", currency: "EUR" },
  { city: "Madrid", country: "ES", postal: "28004", currency: "EUR" },
  { city: "Amsterdam", country: "NL", postal: "1012", currency: "EUR" },
  { city: "Lisbon", country: "PT", postal: "1100-148", currency: "EUR" },
  { city: "London", country: "GB", postal: "EC1V 9HX", currency: "GBP" },
  { city: "Manchester", country: "GB", postal: "M1 1AE", currency: "GBP" },
  { city: "New York", country: "US", postal: "10001", currency: "USD" },
  { city: "Austin", country: "US", postal: "73301", currency: "USD" },
  { city: "Warsaw", country: "PL", postal: "00-001", currency: "EUR" },
];

export const STREETS = ["Rue de la Paix", "High Street", "Hauptstraße", "Via Roma", "Calle Mayor", "Kerkstraat", "Main Street"];

export const OCCUPATIONS = ["Designer", "Engineer", "Teacher", "Nurse", "Photographer", "Consultant", "Artist", "Student", "Chef"];

export const WALLET_PURPOSES = ["Main wallet", "Sales", "Savings", "Project funds", "Escrow", "Payouts"];
