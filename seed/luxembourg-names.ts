// Names heard in Luxembourg practices: Luxembourgish families first, then the large Portuguese,
// French, Italian, Belgian and German communities.

export const LAST_NAMES = [
  "Schmit", "Muller", "Weber", "Wagner", "Hoffmann", "Thill", "Schmitz", "Klein", "Kieffer", "Reuter",
  "Schiltz", "Kremer", "Hansen", "Faber", "Meyer", "Reding", "Majerus", "Wagener", "Back", "Becker",
  "Kayser", "Lentz", "Steichen", "Theisen", "Ries", "Goedert", "Frisch", "Clement", "Jacoby", "Marx",
  "Wirtz", "Gengler", "Bettendorf", "Heinen", "Feller", "Kirsch", "Konsbruck", "Ludwig", "Mersch", "Nilles",
  "Origer", "Pauly", "Rollinger", "Sinner", "Schroeder", "Trausch", "Urbany", "Welter", "Zeimet", "Bintner",
  "Da Silva", "Pereira", "Ferreira", "Rodrigues", "Fernandes", "Gonçalves", "Lopes", "Martins", "Dos Santos", "Oliveira",
  "Dupont", "Lambert", "Bernard", "Dubois", "Lefèvre", "Rossi", "Bianchi", "Russo", "Colombo", "Peeters",
  "Janssens", "Schneider", "Fischer", "Schulz", "Koch",
] as const;

export const FIRST_NAMES = [
  "Luc", "Jean", "Marc", "Paul", "Pol", "Jos", "Nico", "Tom", "Ben", "Laurent",
  "Claude", "Guy", "Romain", "Gilles", "Yves", "Serge", "Patrick", "Christophe", "Max", "Noah",
  "Leo", "Liam", "Gabriel", "Louis", "David", "João", "Tiago", "Pedro", "Rui", "Marco",
  "Mireille", "Anne", "Marie", "Claudine", "Josée", "Nathalie", "Sandra", "Carole", "Monique", "Martine",
  "Léa", "Emma", "Mia", "Sofia", "Lara", "Julie", "Sarah", "Ana", "Inês", "Beatriz",
  "Chiara", "Giulia", "Charlotte", "Zoé", "Lynn", "Tessy", "Jill", "Sven", "Jeff", "Kim",
] as const;

export const EMAIL_DOMAINS = ["pt.lu", "internet.lu", "gmail.com", "outlook.com", "icloud.com"] as const;
