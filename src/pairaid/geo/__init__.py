"""Areas: China's administrative divisions (province, prefecture, county)."""
